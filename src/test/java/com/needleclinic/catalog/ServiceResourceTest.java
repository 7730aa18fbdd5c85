package com.needleclinic.catalog;

import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.serviceBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ServiceResourceTest {

    @Test
    void admin_creates_a_needling_service_and_others_read_it() {
        String location = asAdmin().body(serviceBody("IMS")).post("/api/v1/services")
                .then().statusCode(201)
                .body("name", equalTo("IMS follow-up, 30 min"))
                .body("modality", equalTo("IMS"))
                .body("durationMinutes", equalTo(30))
                .body("priceCents", equalTo(9500))
                .body("currency", equalTo("CAD"))
                .body("billingCode", equalTo("IMS-30"))
                .extract().header("Location");
        as(Tokens.practitioner(UUID.randomUUID())).get(location).then().statusCode(200).header("ETag", "\"0\"");
        as(Tokens.frontDesk()).get("/api/v1/services").then().statusCode(200);
        as(Tokens.insurer(UUID.randomUUID())).get(location).then().statusCode(403);
    }

    @Test
    void a_service_without_modality_defaults_to_cad() {
        Map<String, Object> body = serviceBody(null);
        body.remove("currency");
        body.put("name", "Initial assessment, 60 min");
        body.put("durationMinutes", 60);
        asAdmin().body(body).post("/api/v1/services").then().statusCode(201)
                .body("modality", nullValue()).body("currency", equalTo("CAD"));
    }

    @Test
    void duration_is_a_positive_multiple_of_five_minutes() {
        for (int minutes : new int[]{0, 7, 481, -5}) {
            Map<String, Object> body = serviceBody("IMS");
            body.put("durationMinutes", minutes);
            asAdmin().body(body).post("/api/v1/services").then().statusCode(400)
                    .body("code", equalTo("validation-failed"))
                    .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("durationMinutes")));
        }
    }

    @Test
    void price_currency_and_billing_code_are_validated() {
        Map<String, Object> body = serviceBody("ACUPUNCTURE");
        body.put("priceCents", -1);
        body.put("currency", "USD");
        body.put("billingCode", "");
        asAdmin().body(body).post("/api/v1/services").then().statusCode(400)
                .body("errors.field", hasItem("priceCents"))
                .body("errors.field", hasItem("currency"))
                .body("errors.field", hasItem("billingCode"));
        body = serviceBody("ACUPUNCTURE");
        body.put("priceCents", 12.5);
        asAdmin().body(body).post("/api/v1/services").then().statusCode(400).body("errors.field", contains("priceCents"));
    }

    @Test
    void patch_changes_the_price_and_a_stale_etag_is_refused() {
        String id = asAdmin().body(serviceBody("IMS")).post("/api/v1/services").then().statusCode(201).extract().path("id");
        asAdmin().header("If-Match", "\"0\"").body(Map.of("priceCents", 10500)).patch("/api/v1/services/{id}", id)
                .then().statusCode(200).body("priceCents", equalTo(10500)).body("modality", equalTo("IMS"));
        asAdmin().header("If-Match", "\"0\"").body(Map.of("priceCents", 1)).patch("/api/v1/services/{id}", id)
                .then().statusCode(412).body("code", equalTo("precondition-failed"));
        asAdmin().body("{\"modality\": null}").patch("/api/v1/services/{id}", id)
                .then().statusCode(200).body("modality", nullValue()).body("priceCents", equalTo(10500));
    }

    @Test
    void a_patch_cannot_null_capabilities_or_currency_while_a_create_takes_null_for_the_default() {
        Map<String, Object> body = serviceBody("IMS");
        body.put("requiredCapabilities", null);
        body.put("currency", null);
        asAdmin().body(body).post("/api/v1/services").then().statusCode(201)
                .body("requiredCapabilities", org.hamcrest.Matchers.empty()).body("currency", equalTo("CAD"));
        String id = asAdmin().body(Map.of("name", "Bed IMS", "durationMinutes", 30, "priceCents", 9500, "billingCode", "IMS-B",
                "requiredCapabilities", java.util.List.of("TREATMENT_BED"))).post("/api/v1/services")
                .then().statusCode(201).extract().path("id");
        for (String field : new String[]{"requiredCapabilities", "currency"}) {
            asAdmin().body("{\"" + field + "\": null}").patch("/api/v1/services/{id}", id).then().statusCode(400)
                    .body("errors.field", contains(field));
        }
        asAdmin().get("/api/v1/services/{id}", id).then().statusCode(200).header("ETag", "\"0\"")
                .body("requiredCapabilities", contains("TREATMENT_BED")).body("currency", equalTo("CAD"));
        asAdmin().body(Map.of("requiredCapabilities", java.util.List.of())).patch("/api/v1/services/{id}", id)
                .then().statusCode(200).body("requiredCapabilities", org.hamcrest.Matchers.empty());
    }
}
