package com.needleclinic.webhooks;

import com.needleclinic.support.Receiver;
import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The {@code integration} role (docs/events.md, "Who may read events"): a reminders product reads
 * the feed and manages the webhook subscriptions it created, and another integration's are not
 * there for it (404, and absent from its list). AccessMatrixTest holds its 403s elsewhere.
 */
@QuarkusTest
class IntegrationRoleTest {

    private Receiver receiver;

    @BeforeEach
    void receiver() throws IOException {
        receiver = new Receiver();
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void an_integration_manages_its_own_subscriptions_only() {
        String reminders = Tokens.integration("reminders-" + UUID.randomUUID());
        String analytics = Tokens.integration("analytics-" + UUID.randomUUID());
        String id = as(reminders).body(Map.of("url", receiver.url(), "types", List.of("appointment.booked")))
                .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().path("id");

        as(reminders).get("/api/v1/webhook-subscriptions").then().statusCode(200).body("items.id", hasItem(id));
        as(reminders).get("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(200);
        as(reminders).post("/api/v1/webhook-subscriptions/{id}/secret-rotation", id).then().statusCode(200);

        as(analytics).get("/api/v1/webhook-subscriptions").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(analytics).get("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(404);
        as(analytics).body(Map.of("status", "DISABLED")).patch("/api/v1/webhook-subscriptions/{id}", id)
                .then().statusCode(404);
        as(analytics).delete("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(404);
        as(analytics).get("/api/v1/webhook-subscriptions/{id}/deliveries", id).then().statusCode(404);

        asAdmin().get("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(200).body("status", equalTo("ACTIVE"));
        as(reminders).delete("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(204);
    }

    @Test
    void an_integration_reads_the_feed_and_nothing_with_patient_data_or_reference_writes() {
        String reminders = Tokens.integration("reminders-" + UUID.randomUUID());
        as(reminders).get("/api/v1/events").then().statusCode(200);
        as(reminders).get("/api/v1/patients").then().statusCode(403);
        as(reminders).get("/api/v1/audit-events").then().statusCode(403);
        as(reminders).get("/api/v1/appointments").then().statusCode(403);
        as(reminders).body(com.needleclinic.support.Api.locationBody()).post("/api/v1/locations").then().statusCode(403);
    }
}
