package com.needleclinic.events;

import com.needleclinic.support.Api;
import com.needleclinic.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long polls hold no worker thread (docs/events.md, "Long polls"): with more polls open than the
 * worker pool has threads, bookings and reads are answered at once; beyond the caps a poll is
 * refused with Retry-After, 429 per client and 503 per instance.
 */
@QuarkusTest
@TestProfile(LongPollTest.Caps.class)
class LongPollTest {

    static final int OPEN = 260; // more than the worker pool's 200 threads

    public static class Caps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.events.max-open-polls", Integer.toString(OPEN + 1),
                    "clinic.events.max-open-polls-per-client", "3");
        }
    }

    @TestHTTPResource("/api/v1/events")
    URL events;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CompletableFuture<HttpResponse<String>> poll(String token, long after) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(events + "?waitSeconds=20&after=" + after))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(40)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void polls_beyond_the_worker_pool_leave_bookings_fast_and_the_caps_answer_with_retry_after() throws Exception {
        long head = Long.parseLong(Api.asAdmin().get("/api/v1/events?limit=1").then().extract().path("lastSequence")
                .toString());
        long after = Long.MAX_VALUE / 2; // nothing comes after it: each poll waits its full time or until woken
        List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        for (int i = 0; i < OPEN; i++) {
            polls.add(poll(Tokens.integration("poller-" + (i / 3) + "-" + head), after));
        }
        awaitOpen(OPEN);

        long started = System.nanoTime();
        Api.createPatient();
        Api.asAdmin().get("/api/v1/patients?limit=5").then().statusCode(200);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("a write and a read with %d polls open", OPEN).isLessThan(3_000);

        HttpResponse<String> fourth = poll(Tokens.integration("poller-0-" + head), after).get(10, TimeUnit.SECONDS);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
        assertThat(fourth.body()).contains("too-many-polls");

        poll(Tokens.integration("last-" + head), after);
        awaitOpen(OPEN + 1); // else the next poll may be counted before this one, and held as the last
        HttpResponse<String> over = poll(Tokens.integration("one-too-many-" + head), after).get(10, TimeUnit.SECONDS);
        assertThat(over.statusCode()).isEqualTo(503);
        assertThat(over.headers().firstValue("Retry-After")).isPresent();
        assertThat(over.body()).contains("overloaded");

        for (CompletableFuture<HttpResponse<String>> open : polls) {
            assertThat(open.get(40, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    private void awaitOpen(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (polls.openNow() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(polls.openNow()).isEqualTo(count);
    }

    @jakarta.inject.Inject
    LongPolls polls;
}
