package com.needleclinic.webhooks;

import com.needleclinic.support.Db;
import com.needleclinic.support.Receiver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The signing secret is shown once and never stored in the clear (docs/events.md, "Subscribing";
 * docs/security.md): not in an idempotent replay, not in the stored answer, not in the
 * subscription's row.
 */
@QuarkusTest
class WebhookSecretTest {

    @Inject
    AgroalDataSource db;
    @Inject
    SecretBox box;

    @Test
    void a_replayed_create_never_shows_the_secret_again_and_says_when_the_subscription_is_gone() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String key = "secret-once-" + UUID.randomUUID();
            Map<String, Object> body = Map.of("url", receiver.url(), "types", List.of("patient.created"));
            String secret = asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/webhook-subscriptions")
                    .then().statusCode(201).extract().path("secret");
            String id = asAdmin().get("/api/v1/webhook-subscriptions").then().extract()
                    .path("items.find { it.url == '" + receiver.url() + "' }.id");

            asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/webhook-subscriptions").then()
                    .statusCode(409).body("code", equalTo("secret-shown-once")).body("detail", containsString(id))
                    .body(not(containsString(secret)));
            assertThat(text("select response_body from idempotency_key where idem_key = ?", key))
                    .contains(id).doesNotContain(secret).doesNotContain("whsec_");
            String stored = text("select secret from webhook_subscription where id = ?::uuid", id);
            assertThat(stored).startsWith("v1:").doesNotContain(secret.substring("whsec_".length()));
            assertThat(box.open(UUID.fromString(id), stored)).isEqualTo(secret);

            asAdmin().delete("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(204);
            asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/webhook-subscriptions").then()
                    .statusCode(410).body("code", equalTo("subscription-deleted"));
        }
    }

    @Test
    void a_sealed_secret_opens_only_for_its_own_subscription() {
        UUID one = UUID.randomUUID();
        String sealed = box.seal(one, "whsec_c2VjcmV0");
        assertThat(box.open(one, sealed)).isEqualTo("whsec_c2VjcmV0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> box.open(UUID.randomUUID(), sealed))
                .hasMessageContaining("does not open");
    }

    @Test
    void secrets_stored_in_the_clear_before_sealing_are_sealed_at_start() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String id = asAdmin().body(Map.of("url", receiver.url())).post("/api/v1/webhook-subscriptions")
                    .then().statusCode(201).extract().path("id");
            Db.count(db, "with x as (update webhook_subscription set secret = 'whsec_bGVnYWN5' where id = ?::uuid"
                    + " returning 1) select count(*) from x", id);
            box.sealLegacy(null);
            String stored = text("select secret from webhook_subscription where id = ?::uuid", id);
            assertThat(stored).startsWith("v1:");
            assertThat(box.open(UUID.fromString(id), stored)).isEqualTo("whsec_bGVnYWN5");
            asAdmin().delete("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(204);
        }
    }

    private String text(String sql, String param) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
