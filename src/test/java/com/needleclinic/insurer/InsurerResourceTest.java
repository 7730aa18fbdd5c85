package com.needleclinic.insurer;

import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.insurerBody;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class InsurerResourceTest {

    @Test
    void admin_creates_reads_and_patches_an_insurer() {
        Map<String, Object> body = insurerBody();
        String location = asAdmin().body(body).post("/api/v1/insurers").then().statusCode(201)
                .body("name", equalTo("Pacific Blue Cross"))
                .body("code", equalTo(body.get("code")))
                .extract().header("Location");
        as(Tokens.frontDesk()).get(location).then().statusCode(200).header("ETag", "\"0\"");
        as(Tokens.frontDesk()).get("/api/v1/insurers").then().statusCode(200);
        asAdmin().header("If-Match", "\"0\"").body(Map.of("name", "PBC Health")).patch(location)
                .then().statusCode(200).body("name", equalTo("PBC Health")).body("code", equalTo(body.get("code")));
    }

    @Test
    void insurer_codes_are_unique() {
        Map<String, Object> body = insurerBody();
        asAdmin().body(body).post("/api/v1/insurers").then().statusCode(201);
        asAdmin().body(body).post("/api/v1/insurers").then().statusCode(409)
                .body("code", equalTo("duplicate-insurer-code"));

        String other = asAdmin().body(insurerBody()).post("/api/v1/insurers").then().statusCode(201).extract().path("id");
        asAdmin().body(Map.of("code", body.get("code"))).patch("/api/v1/insurers/{id}", other).then().statusCode(409)
                .body("code", equalTo("duplicate-insurer-code"));
    }

    @Test
    void insurer_code_is_validated() {
        asAdmin().body(Map.of("name", "X", "code", "has spaces")).post("/api/v1/insurers").then().statusCode(400)
                .body("errors.field", hasItem("code"));
    }

    @Test
    void an_insurer_token_reads_no_reference_data_not_even_insurers() {
        String id = asAdmin().body(insurerBody()).post("/api/v1/insurers").then().statusCode(201).extract().path("id");
        as(Tokens.insurer(UUID.fromString(id))).get("/api/v1/insurers/{id}", id).then().statusCode(403);
        as(Tokens.practitioner(UUID.randomUUID())).body(insurerBody()).post("/api/v1/insurers").then().statusCode(403);
    }
}
