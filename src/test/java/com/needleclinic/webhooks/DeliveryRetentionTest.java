package com.needleclinic.webhooks;

import com.needleclinic.support.Api;
import com.needleclinic.support.Db;
import com.needleclinic.support.Receiver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/** Webhook delivery attempts are purged once older than their window; the subscription stays. */
@QuarkusTest
class DeliveryRetentionTest {

    @Inject
    DeliveryRetention retention;
    @Inject
    AgroalDataSource db;

    @Test
    void attempts_older_than_the_window_are_purged() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String id = asAdmin().body(Map.of("url", receiver.url(), "types", List.of("patient.created")))
                    .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().path("id");
            try {
                Api.createPatient();
                receiver.await(1);
                String attempts = "select count(*) from webhook_delivery where subscription_id = ?::uuid";
                long deadline = System.currentTimeMillis() + 5000;
                while (Db.count(db, attempts, id) == 0 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(Db.count(db, attempts, id)).isPositive();

                retention.purge(Instant.now().minusSeconds(3600));
                assertThat(Db.count(db, attempts, id)).as("within the window").isPositive();
                retention.purge(Instant.now().plusSeconds(60));
                assertThat(Db.count(db, attempts, id)).isZero();
                asAdmin().get("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(200);
            } finally {
                asAdmin().delete("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(204);
            }
        }
    }
}
