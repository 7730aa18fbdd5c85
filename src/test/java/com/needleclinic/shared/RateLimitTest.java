package com.needleclinic.shared;

import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.needleclinic.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@TestProfile(RateLimitTest.OnePerSecond.class)
class RateLimitTest {

    public static class OnePerSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.rate-limit.requests-per-second", "1");
        }
    }

    @Test
    void a_client_over_its_rate_gets_429_with_retry_after_and_others_are_unaffected() {
        String greedy = Tokens.withSubject("front-desk", "greedy-desk");
        List<Integer> statuses = new ArrayList<>();
        io.restassured.response.Response limited = null;
        for (int i = 0; i < 30; i++) {
            var response = as(greedy).get("/api/v1/locations");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429 && limited == null) {
                limited = response;
            }
        }
        assertThat(statuses).contains(200, 429);
        assertThat(statuses.subList(0, 2)).containsOnly(200); // the burst: twice the rate
        assertThat(limited).isNotNull();
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.<String>path("code")).isEqualTo("rate-limited");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 2);

        as(Tokens.withSubject("front-desk", "patient-desk")).get("/api/v1/locations").then().statusCode(200);
    }
}
