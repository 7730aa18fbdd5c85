package com.needleclinic.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.needleclinic.support.Api;
import com.needleclinic.support.Receiver;
import com.needleclinic.support.Receiver.Delivery;
import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Webhooks (docs/events.md): Standard Webhooks signatures, order per subscription, retries, 410, re-enabling, replay. */
@QuarkusTest
class WebhookDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Receiver receiver;
    private final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void receiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void cleanUp() {
        subscriptions.forEach(id -> asAdmin().delete("/api/v1/webhook-subscriptions/{id}", id));
        receiver.close();
    }

    private JsonPath subscribe(String... types) {
        JsonPath created = asAdmin().body(Map.of("url", receiver.url(), "types", List.of(types), "description", "front desk"))
                .post("/api/v1/webhook-subscriptions").then().statusCode(201)
                .body("secret", startsWith("whsec_")).body("status", equalTo("ACTIVE"))
                .extract().jsonPath();
        subscriptions.add(created.getString("id"));
        return created;
    }

    private static JsonNode body(Delivery delivery) {
        try {
            return JSON.readTree(delivery.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long sequence(Delivery delivery) {
        return body(delivery).get("data").get("sequence").asLong();
    }

    @Test
    void each_event_arrives_once_signed_per_standard_webhooks_in_sequence_order() {
        JsonPath subscription = subscribe("patient.created");
        String secret = subscription.getString("secret");
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            patients.add(Api.createPatient().toString());
        }
        List<Delivery> received = receiver.await(5);

        assertThat(received).hasSize(5);
        assertThat(received).allSatisfy(d -> {
            assertThat(Receiver.verify(secret, d)).as("signature").isTrue();
            assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(d.timestamp()))).isLessThan(300);
            JsonNode body = body(d);
            assertThat(body.get("type").asText()).isEqualTo("patient.created");
            assertThat(body.get("data").get("id").asText()).isEqualTo(d.id());
            assertThat(body.get("data").get("type").asText()).isEqualTo("patient.created");
            assertThat(d.body()).doesNotContain("Lovelace").doesNotContain("1990-12-10").doesNotContain("dateOfBirth");
        });
        assertThat(received.stream().map(d -> body(d).get("data").get("resourceId").asText()).toList())
                .containsExactlyElementsOf(patients);
        assertThat(received.stream().map(WebhookDeliveryTest::sequence).toList()).isSorted().doesNotHaveDuplicates();
        String anotherKey = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(Receiver.verify(anotherKey, received.get(0))).as("signed with another key").isFalse();
        asAdmin().get("/api/v1/webhook-subscriptions/{id}", subscription.getString("id")).then().statusCode(200)
                .body("$", not(hasKey("secret"))).body("delivery.acknowledgedSequence",
                        equalTo((int) sequence(received.get(4))));
    }

    @Test
    void a_failed_delivery_is_retried_with_the_same_webhook_id_and_the_next_event_waits_for_it() {
        JsonPath subscription = subscribe("patient.created");
        receiver.answer(500, 503);
        String first = Api.createPatient().toString();
        String second = Api.createPatient().toString();
        List<Delivery> received = receiver.await(4);

        assertThat(received).extracting(Delivery::answered).containsExactly(500, 503, 200, 200);
        assertThat(received.get(0).id()).isEqualTo(received.get(1).id()).isEqualTo(received.get(2).id());
        assertThat(body(received.get(2)).get("data").get("resourceId").asText()).isEqualTo(first);
        assertThat(body(received.get(3)).get("data").get("resourceId").asText()).isEqualTo(second);
        assertThat(received.get(0).timestamp()).isNotNull();
        JsonPath log = asAdmin().get("/api/v1/webhook-subscriptions/{id}/deliveries", subscription.getString("id"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("items.statusCode", Integer.class)).containsExactly(200, 200, 503, 500);
        assertThat(log.getString("items[3].eventId")).isEqualTo(received.get(0).id());
    }

    @Test
    void gone_disables_at_once_and_reenabling_resumes_at_the_first_unacknowledged_event() throws Exception {
        JsonPath subscription = subscribe("patient.created");
        String id = subscription.getString("id");
        receiver.answer(410);
        String first = Api.createPatient().toString();
        receiver.await(1);
        awaitStatus(id, "DISABLED");
        asAdmin().get("/api/v1/webhook-subscriptions/{id}", id).then().body("disabledReason", equalTo("GONE"));
        String second = Api.createPatient().toString();
        Thread.sleep(500);
        assertThat(receiver.received()).hasSize(1);

        asAdmin().body(Map.of("status", "ACTIVE")).patch("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("disabledReason", equalTo(null));
        List<Delivery> received = receiver.await(3);
        assertThat(received).extracting(d -> body(d).get("data").get("resourceId").asText())
                .containsExactly(first, first, second);
    }

    @Test
    void replay_sends_again_from_a_sequence_in_order() {
        JsonPath subscription = subscribe("patient.created");
        Api.createPatient();
        Api.createPatient();
        List<Delivery> firstRound = receiver.await(2);
        long from = sequence(firstRound.get(0));

        asAdmin().body(Map.of("fromSequence", from)).post("/api/v1/webhook-subscriptions/{id}/replay",
                subscription.getString("id")).then().statusCode(202);
        List<Delivery> received = receiver.await(4);
        assertThat(received).extracting(Delivery::id)
                .containsExactly(firstRound.get(0).id(), firstRound.get(1).id(), firstRound.get(0).id(), firstRound.get(1).id());
    }

    @Test
    void replay_from_past_the_feed_head_is_refused_and_changes_nothing() {
        JsonPath subscription = subscribe("patient.created");
        String id = subscription.getString("id");
        long acknowledged = asAdmin().get("/api/v1/webhook-subscriptions/{id}", id).then().extract()
                .jsonPath().getLong("delivery.acknowledgedSequence");
        asAdmin().body(Map.of("fromSequence", 99_999_998L)).post("/api/v1/webhook-subscriptions/{id}/replay", id)
                .then().statusCode(422).body("code", org.hamcrest.Matchers.equalTo("beyond-feed-head"));
        asAdmin().get("/api/v1/webhook-subscriptions/{id}", id).then()
                .body("delivery.acknowledgedSequence", org.hamcrest.Matchers.equalTo((int) acknowledged));
        Api.createPatient();
        assertThat(receiver.await(1)).hasSize(1);
    }

    @Test
    void after_a_rotation_both_secrets_sign_so_the_receiver_can_switch_keys() {
        JsonPath subscription = subscribe("patient.created");
        String old = subscription.getString("secret");
        String rotated = asAdmin().post("/api/v1/webhook-subscriptions/{id}/secret-rotation", subscription.getString("id"))
                .then().statusCode(200).body("previousSecretValidUntil", org.hamcrest.Matchers.notNullValue())
                .extract().path("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(old);
        Api.createPatient();
        Delivery delivery = receiver.await(1).get(0);

        assertThat(delivery.signature().split(" ")).hasSize(2);
        assertThat(Receiver.verify(rotated, delivery)).isTrue();
        assertThat(Receiver.verify(old, delivery)).isTrue();
    }

    @Test
    void a_subscription_is_changed_and_deleted_while_its_events_are_being_delivered() {
        JsonPath subscription = subscribe("patient.created");
        String id = subscription.getString("id");
        receiver.slowDown(Duration.ofMillis(20));
        for (int i = 0; i < 60; i++) {
            Api.createPatient();
        }
        receiver.await(3);
        asAdmin().body(Map.of("description", "renamed while delivering")).patch("/api/v1/webhook-subscriptions/{id}", id)
                .then().statusCode(200).body("description", equalTo("renamed while delivering"));
        asAdmin().post("/api/v1/webhook-subscriptions/{id}/secret-rotation", id).then().statusCode(200);
        asAdmin().delete("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(204);
        subscriptions.remove(id);
        asAdmin().get("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(404);
    }

    @Test
    void subscriptions_are_for_admins_and_their_input_is_checked() {
        as(Tokens.frontDesk()).body(Map.of("url", receiver.url())).post("/api/v1/webhook-subscriptions").then()
                .statusCode(403);
        asAdmin().body(Map.of("url", receiver.url(), "types", List.of("appointment.booked", "appointment.bookd")))
                .post("/api/v1/webhook-subscriptions").then().statusCode(400)
                .body("errors[0].field", equalTo("types[1]"));
        asAdmin().body(Map.of("url", "ftp://example.com/hook")).post("/api/v1/webhook-subscriptions").then()
                .statusCode(400).body("errors[0].field", equalTo("url"));
        asAdmin().body(Map.of("fromSequence", -1)).post("/api/v1/webhook-subscriptions/{id}/replay", UUID.randomUUID())
                .then().statusCode(400);
        asAdmin().get("/api/v1/webhook-subscriptions/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    private static void awaitStatus(String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (status.equals(asAdmin().get("/api/v1/webhook-subscriptions/{id}", id).then().extract().path("status"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("subscription " + id + " never became " + status);
    }
}
