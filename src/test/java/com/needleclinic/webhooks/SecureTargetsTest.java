package com.needleclinic.webhooks;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.needleclinic.support.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** With the production default (no insecure targets), a subscription to a local or plain-http URL is refused. */
@QuarkusTest
@TestProfile(SecureTargetsTest.Production.class)
class SecureTargetsTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.webhooks.allow-insecure-targets", "false");
        }
    }

    @Test
    void refuses_plain_http_and_addresses_inside_the_network_and_saves_nothing() {
        asAdmin().body(Map.of("url", "http://hooks.example.com/clinic")).post("/api/v1/webhook-subscriptions").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("url")).body("errors[0].message", equalTo("must be an https URL"));
        asAdmin().body(Map.of("url", "https://169.254.169.254/latest/meta-data")).post("/api/v1/webhook-subscriptions")
                .then().statusCode(400).body("errors[0].message", containsString("loopback, private or reserved"));
        asAdmin().body(Map.of("url", "https://localhost:9000/q/metrics")).post("/api/v1/webhook-subscriptions")
                .then().statusCode(400).body("errors[0].field", equalTo("url"));
        asAdmin().get("/api/v1/webhook-subscriptions").then().statusCode(200)
                .body("items.url", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(containsString("169.254"))));
    }
}
