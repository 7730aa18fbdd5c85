package com.needleclinic.shared;

import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static com.needleclinic.support.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Every error, whatever raises it, is RFC 9457 problem+json with a stable code and no internals. */
@QuarkusTest
class ProblemJsonTest {

    private static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", startsWith("https://"))
                .body("title", not(org.hamcrest.Matchers.emptyOrNullString()))
                .body(not(containsString("Exception")))
                .body(not(containsString("at com.")));
    }

    @Test
    void unknown_route_is_a_404_problem() {
        problem(asAdmin().get("/api/v1/no-such-thing").then(), 404, "not-found");
    }

    @Test
    void unknown_id_is_a_404_problem() {
        problem(asAdmin().get("/api/v1/practitioners/{id}", java.util.UUID.randomUUID()).then(), 404, "not-found");
    }

    @Test
    void malformed_json_is_a_400_problem() {
        problem(asAdmin().body("{\"name\": ").post("/api/v1/locations").then(), 400, "malformed-json");
    }

    @Test
    void wrong_type_names_the_field() {
        problem(asAdmin().body("{\"name\":\"A\",\"timeZone\":\"America/Toronto\",\"province\":42}")
                .post("/api/v1/locations").then(), 400, "validation-failed")
                .body("errors.field", hasItem("province"));
    }

    @Test
    void unknown_enum_value_names_the_field() {
        problem(asAdmin().body("{\"name\":\"A\",\"timeZone\":\"America/Toronto\",\"province\":\"XX\"}")
                .post("/api/v1/locations").then(), 400, "validation-failed")
                .body("errors.field", hasItem("province"))
                .body("errors.message", hasItem(containsString("BC")));
    }

    @Test
    void missing_fields_are_each_listed() {
        problem(asAdmin().body("{}").post("/api/v1/locations").then(), 400, "validation-failed")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("timeZone"))
                .body("errors.field", hasItem("province"));
    }

    @Test
    void empty_body_is_a_400_problem() {
        problem(asAdmin().post("/api/v1/locations").then(), 400, "validation-failed");
    }

    @Test
    void unknown_field_is_refused_not_ignored() {
        problem(asAdmin().body("{\"name\":\"A\",\"timeZone\":\"America/Toronto\",\"province\":\"ON\",\"colour\":\"red\"}")
                .post("/api/v1/locations").then(), 400, "validation-failed")
                .body("errors.field", hasItem("colour"));
    }

    @Test
    void oversize_body_is_a_413_problem() {
        String huge = "{\"name\":\"" + "x".repeat(300_000) + "\"}";
        problem(asAdmin().body(huge).post("/api/v1/locations").then(), 413, "payload-too-large");
    }

    @Test
    void oversize_chunked_body_is_a_413_problem() throws Exception {
        byte[] huge = ("{\"name\":\"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        // a body of unknown length is sent chunked: no Content-Length to refuse it by
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/locations"))
                .header("Authorization", "Bearer " + Tokens.admin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"payload-too-large\"", "\"status\":413");
    }

    @Test
    void wrong_media_type_is_a_415_problem() {
        problem(asAdmin().contentType(ContentType.XML).body("<a/>").post("/api/v1/locations").then(),
                415, "unsupported-media-type");
    }

    @Test
    void wrong_method_is_a_405_problem() {
        problem(asAdmin().delete("/api/v1/locations").then(), 405, "method-not-allowed");
    }

    @Test
    void bad_query_parameter_is_a_400_problem_not_a_404() {
        problem(asAdmin().get("/api/v1/locations?limit=abc").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("limit"));
        problem(asAdmin().get("/api/v1/locations?limit=201").then(), 400, "validation-failed");
        problem(asAdmin().get("/api/v1/locations?cursor=bogus").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void no_token_is_a_401_problem_with_a_bearer_challenge() {
        problem(given().get("/api/v1/locations").then(), 401, "unauthorized")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void garbage_token_is_a_401_problem() {
        problem(given().auth().oauth2("not.a.token").get("/api/v1/locations").then(), 401, "unauthorized");
    }

    @Test
    void expired_token_is_a_401_problem() {
        String expired = Tokens.builder("admin", "late").issuedAt(1_600_000_000L).expiresAt(1_600_000_600L)
                .sign(Tokens.key());
        problem(given().auth().oauth2(expired).get("/api/v1/locations").then(), 401, "unauthorized");
    }

    @Test
    void token_from_another_issuer_is_a_401_problem() {
        String foreign = io.smallrye.jwt.build.Jwt.issuer("https://evil.example").subject("x")
                .groups("admin").expiresIn(600).sign(Tokens.key());
        problem(given().auth().oauth2(foreign).get("/api/v1/locations").then(), 401, "unauthorized");
    }

    @Test
    void unsigned_alg_none_token_is_a_401_problem() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String claims = b64.encodeToString(("{\"iss\":\"" + Tokens.ISSUER + "\",\"sub\":\"x\",\"groups\":[\"admin\"],"
                + "\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + "}").getBytes());
        problem(given().auth().oauth2(header + "." + claims + ".").get("/api/v1/locations").then(), 401, "unauthorized");
    }

    @Test
    void token_signed_with_another_key_is_a_401_problem() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Tokens.builder("admin", "forger").sign(generator.generateKeyPair().getPrivate());
        problem(given().auth().oauth2(forged).get("/api/v1/locations").then(), 401, "unauthorized");
    }

    @Test
    void wrong_role_is_a_403_problem() {
        problem(com.needleclinic.support.Api.as(Tokens.frontDesk()).body(com.needleclinic.support.Api.locationBody())
                .post("/api/v1/locations").then(), 403, "forbidden");
    }

    @Test
    void scalars_are_not_coerced_into_other_types() {
        problem(asAdmin().body("{\"name\":42,\"timeZone\":\"America/Toronto\",\"province\":\"ON\"}")
                .post("/api/v1/locations").then(), 400, "validation-failed")
                .body("errors.field", hasItem("name"));
        problem(asAdmin().body("{\"name\":\"A\",\"modality\":null,\"durationMinutes\":\"30\",\"priceCents\":100,"
                + "\"billingCode\":\"A1\"}").post("/api/v1/services").then(), 400, "validation-failed")
                .body("errors.field", hasItem("durationMinutes"));
    }

    @Test
    void trailing_garbage_after_the_json_is_refused() {
        problem(asAdmin().body("{\"name\":\"A\",\"timeZone\":\"America/Toronto\",\"province\":\"ON\"} {}")
                .post("/api/v1/locations").then(), 400, "validation-failed")
                .body("errors[0].field", equalTo("body"));
    }
}
