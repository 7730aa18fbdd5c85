package com.needleclinic.webhooks;

import com.needleclinic.support.Api;
import com.needleclinic.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A receiver that keeps failing is retried with growing delays and, after the give-up window
 * (24 hours in production; 3 s here), disabled - with no acknowledged event lost: re-enabled, it
 * gets the first unacknowledged event again.
 */
@QuarkusTest
@TestProfile(FailingReceiverTest.ShortWindow.class)
class FailingReceiverTest {

    public static class ShortWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.webhooks.give-up-after", "PT3S", "clinic.webhooks.retry-base", "PT0.1S",
                    "clinic.webhooks.retry-max", "PT2S");
        }
    }

    @Test
    void retries_with_growing_delays_then_disables_and_resumes_at_the_same_event_when_re_enabled() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Integer[] failures = new Integer[100];
            java.util.Arrays.fill(failures, 500);
            receiver.answer(failures);
            String id = asAdmin().body(Map.of("url", receiver.url(), "types", List.of("patient.created")))
                    .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().path("id");
            String patient = Api.createPatient().toString();

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!"DISABLED".equals(asAdmin().get("/api/v1/webhook-subscriptions/{id}", id).then().extract().path("status"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            asAdmin().get("/api/v1/webhook-subscriptions/{id}", id).then().body("status", equalTo("DISABLED"))
                    .body("disabledReason", equalTo("FAILING"));
            List<Receiver.Delivery> attempts = receiver.received();
            assertThat(attempts).hasSizeBetween(3, 10).allSatisfy(d -> assertThat(d.body()).contains(patient));
            assertThat(attempts).extracting(Receiver.Delivery::id).containsOnly(attempts.get(0).id());
            List<Long> gaps = asAdmin().get("/api/v1/webhook-subscriptions/{id}/deliveries", id).then().extract().jsonPath()
                    .getList("items.attemptedAt", String.class).stream().map(java.time.Instant::parse)
                    .map(java.time.Instant::toEpochMilli).toList();
            assertThat(gaps.get(0) - gaps.get(1)).as("the last delay").isGreaterThan(gaps.get(gaps.size() - 2)
                    - gaps.get(gaps.size() - 1));

            Thread.sleep(300);
            receiver.clearAnswers();
            int before = receiver.received().size();
            asAdmin().body(Map.of("status", "ACTIVE")).patch("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(200);
            Receiver.Delivery resumed = receiver.await(before + 1).get(before);
            assertThat(resumed.id()).isEqualTo(attempts.get(0).id());
            assertThat(resumed.answered()).isEqualTo(200);
            asAdmin().delete("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(204);
        }
    }
}
