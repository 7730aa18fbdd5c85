package com.needleclinic.shared;

import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.insurerBody;
import static com.needleclinic.support.Api.practitionerBody;
import static com.needleclinic.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Tokens from an identity provider that knows nothing of the service's UUIDs: an admin links the
 * token's subject to a practitioner (identitySubject) or an insurer (clientSubjects), and a token
 * with that subject acts as them (docs/security.md, "Identity providers").
 */
@QuarkusTest
class IdentityLinkTest {

    private static String practitionerToken(String subject) {
        return Tokens.withSubject("practitioner", subject);
    }

    private static UUID practitionerLinkedTo(String subject) {
        Map<String, Object> body = practitionerBody();
        body.put("identitySubject", subject);
        return UUID.fromString(asAdmin().body(body).post("/api/v1/practitioners").then().statusCode(201)
                .body("identitySubject", equalTo(subject)).extract().path("id"));
    }

    @Test
    void a_linked_subject_acts_as_its_practitioner_without_a_practitioner_id_claim() {
        String subject = unique("kc-") + "-" + UUID.randomUUID();
        UUID practitioner = practitionerLinkedTo(subject);
        as(practitionerToken(subject)).get("/api/v1/appointments?practitionerId=" + practitioner)
                .then().statusCode(200);
        as(practitionerToken(subject)).get("/api/v1/appointments?practitionerId=" + UUID.randomUUID())
                .then().statusCode(403).body("detail", containsString("only their own"));
    }

    @Test
    void an_unlinked_subject_is_told_so() {
        as(practitionerToken(unique("nobody-"))).get("/api/v1/appointments").then().statusCode(403)
                .body("detail", containsString("carries no practitioner_id claim and its subject is not linked to a practitioner"));
        as(Tokens.withSubject("insurer", unique("nobody-"))).get("/api/v1/claims").then().statusCode(403)
                .body("detail", containsString("carries no insurer_id claim and its subject is not linked to an insurer"));
    }

    @Test
    void a_practitioner_id_that_is_not_a_uuid_is_told_so() {
        String token = Tokens.builder("practitioner", unique("kc-")).claim("practitioner_id", "dr-gunn").sign(Tokens.key());
        as(token).get("/api/v1/appointments").then().statusCode(403)
                .body("detail", equalTo("The token's practitioner_id claim is not a UUID"));
    }

    @Test
    void a_subject_acts_as_one_party_only() {
        String subject = unique("kc-") + "-" + UUID.randomUUID();
        practitionerLinkedTo(subject);
        Map<String, Object> second = practitionerBody();
        second.put("identitySubject", subject);
        asAdmin().body(second).post("/api/v1/practitioners").then().statusCode(409)
                .body("code", equalTo("identity-subject-linked"));
        Map<String, Object> insurer = insurerBody();
        insurer.put("clientSubjects", List.of(subject));
        asAdmin().body(insurer).post("/api/v1/insurers").then().statusCode(409)
                .body("code", equalTo("identity-subject-linked"));
    }

    @Test
    void unlinking_takes_effect_on_the_next_request() {
        String subject = unique("kc-") + "-" + UUID.randomUUID();
        UUID practitioner = practitionerLinkedTo(subject);
        as(practitionerToken(subject)).get("/api/v1/appointments").then().statusCode(200);
        String etag = asAdmin().get("/api/v1/practitioners/{id}", practitioner).then().extract().header("ETag");
        asAdmin().header("If-Match", etag).contentType("application/merge-patch+json")
                .body(Map.of("firstName", "Chan")).patch("/api/v1/practitioners/{id}", practitioner)
                .then().statusCode(200).body("identitySubject", equalTo(subject));
        etag = asAdmin().get("/api/v1/practitioners/{id}", practitioner).then().extract().header("ETag");
        asAdmin().header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"identitySubject\": null}").patch("/api/v1/practitioners/{id}", practitioner)
                .then().statusCode(200).body("identitySubject", nullValue());
        as(practitionerToken(subject)).get("/api/v1/appointments").then().statusCode(403);
        // and the subject is free for another practitioner
        practitionerLinkedTo(subject);
    }

    @Test
    void an_insurer_client_subject_acts_as_its_insurer_and_not_as_a_practitioner() {
        String first = unique("svc-") + "-" + UUID.randomUUID();
        String second = unique("svc-") + "-" + UUID.randomUUID();
        Map<String, Object> body = insurerBody();
        body.put("clientSubjects", List.of(second, first));
        String id = asAdmin().body(body).post("/api/v1/insurers").then().statusCode(201)
                .body("clientSubjects", equalTo(List.of(first, second).stream().sorted().toList()))
                .extract().path("id");
        as(Tokens.withSubject("insurer", second)).get("/api/v1/claims").then().statusCode(200);
        as(practitionerToken(second)).get("/api/v1/appointments").then().statusCode(403)
                .body("detail", containsString("not linked to a practitioner"));
        String etag = asAdmin().get("/api/v1/insurers/{id}", id).then().extract().header("ETag");
        asAdmin().header("If-Match", etag).contentType("application/merge-patch+json")
                .body(Map.of("clientSubjects", List.of(first))).patch("/api/v1/insurers/{id}", id)
                .then().statusCode(200).body("clientSubjects", equalTo(List.of(first)));
        as(Tokens.withSubject("insurer", second)).get("/api/v1/claims").then().statusCode(403);
        as(Tokens.withSubject("insurer", first)).get("/api/v1/claims").then().statusCode(200);
    }

    @Test
    void a_blank_or_padded_subject_is_a_400() {
        Map<String, Object> body = practitionerBody();
        body.put("identitySubject", " kc-1");
        asAdmin().body(body).post("/api/v1/practitioners").then().statusCode(400);
        Map<String, Object> insurer = insurerBody();
        insurer.put("clientSubjects", List.of(""));
        asAdmin().body(insurer).post("/api/v1/insurers").then().statusCode(400);
    }
}
