package com.needleclinic.scheduling;

import com.needleclinic.support.Api;
import com.needleclinic.support.Receiver;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.DoublePredicate;

import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.createPatient;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What IT watches beyond the JVM and the pool (docs/operations.md, "What to watch"): booking
 * outcomes by problem code, the feed's backlog, webhook backlog and failures per subscription,
 * and the waitlist worker's rounds, scraped as Prometheus would.
 */
@QuarkusTest
class OperationsMetricsTest {

    private static String scrape() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return given().get("http://localhost:" + port + "/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series (name with its labels, as Prometheus prints them), or 0 when absent. */
    static double value(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).orElse(0.0);
    }

    private static void await(String series, DoublePredicate until) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        double last = Double.NaN;
        while (Instant.now().isBefore(deadline)) {
            last = value(scrape(), series);
            if (until.test(last)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(series + " stayed at " + last);
    }

    @Test
    void booking_outcomes_are_counted_by_problem_code() {
        String ok = "clinic_bookings_total{operation=\"book\",outcome=\"ok\"}";
        String taken = "clinic_bookings_total{operation=\"book\",outcome=\"slot-unavailable\"}";
        String invalid = "clinic_bookings_total{operation=\"book\",outcome=\"validation-failed\"}";
        String before = scrape();

        Clinic clinic = new Clinic();
        UUID practitioner = clinic.imsPractitioner(null);
        clinic.book(createPatient(), practitioner, clinic.assessment, "2027-03-01T17:00:00Z");
        asAdmin().body(clinic.booking(createPatient(), practitioner, clinic.assessment, "2027-03-01T17:00:00Z"))
                .post("/api/v1/appointments").then().statusCode(409);
        asAdmin().body(Map.of("patientId", "not-a-uuid")).post("/api/v1/appointments").then().statusCode(400);

        String after = scrape();
        assertThat(value(after, ok) - value(before, ok)).isEqualTo(1.0);
        assertThat(value(after, taken) - value(before, taken)).isEqualTo(1.0);
        assertThat(value(after, invalid) - value(before, invalid)).isEqualTo(1.0);
    }

    @Test
    void the_feed_the_webhooks_and_the_waitlist_worker_report_their_state() throws Exception {
        String scrape = scrape();
        assertThat(scrape).contains("clinic_events_pending ", "clinic_event_sequencer_lag_seconds ",
                "clinic_events_sequenced_total ", "clinic_event_sequencer_failures_total ",
                "clinic_waitlist_rounds_total{result=\"idle\"}", "clinic_waitlist_rounds_total{result=\"failed\"}");
        await("clinic_waitlist_rounds_total{result=\"idle\"}", v -> v > 0);

        try (Receiver receiver = new Receiver()) {
            receiver.answer(500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
            String id = asAdmin().body(Map.of("url", receiver.url(), "types", List.of("patient.created")))
                    .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().path("id");
            try {
                Api.createPatient();
                receiver.await(1);
                await("clinic_webhook_deliveries_total{outcome=\"failed\",subscription=\"" + id + "\"}", v -> v >= 1);
                await("clinic_webhook_backlog_events{subscription=\"" + id + "\"}", v -> v >= 1);
                receiver.clearAnswers();
                await("clinic_webhook_deliveries_total{outcome=\"acknowledged\",subscription=\"" + id + "\"}", v -> v >= 1);
                await("clinic_webhook_backlog_events{subscription=\"" + id + "\"}", v -> v == 0);
            } finally {
                asAdmin().delete("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(204);
            }
        }
    }
}
