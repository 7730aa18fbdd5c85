package com.needleclinic.practitioner;

import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.certificationBody;
import static com.needleclinic.support.Api.certify;
import static com.needleclinic.support.Api.createPractitioner;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CertificationResourceTest {

    private static final String CERTS = "/api/v1/practitioners/{id}/certifications";

    @Test
    void created_certification_has_every_field_and_defaults_to_active() {
        UUID practitioner = createPractitioner();
        Map<String, Object> body = certificationBody("DRY_NEEDLING", "2027-01-01", null, null);
        String location = asAdmin().body(body).post(CERTS, practitioner)
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("modality", equalTo("DRY_NEEDLING"))
                .body("issuingBody", equalTo("iSTOP"))
                .body("credentialNumber", equalTo(body.get("credentialNumber")))
                .body("validFrom", equalTo("2027-01-01"))
                .body("validUntil", nullValue())
                .body("status", equalTo("ACTIVE"))
                .extract().header("Location");

        as(Tokens.practitioner(practitioner)).get(location).then().statusCode(200).body("status", equalTo("ACTIVE"));
        as(Tokens.frontDesk()).get(CERTS, practitioner).then().statusCode(200)
                .body("items.modality", contains("DRY_NEEDLING"))
                .body("nextCursor", nullValue());
        as(Tokens.insurer(UUID.randomUUID())).get(CERTS, practitioner).then().statusCode(403);
    }

    @Test
    void validity_cannot_end_before_it_starts() {
        UUID practitioner = createPractitioner();
        asAdmin().body(certificationBody("IMS", "2027-06-01", "2027-05-31", "ACTIVE")).post(CERTS, practitioner)
                .then().statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors.field", contains("validUntil"));
        asAdmin().get(CERTS, practitioner).then().body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void unknown_modality_and_status_are_refused() {
        UUID practitioner = createPractitioner();
        asAdmin().body(certificationBody("CUPPING", "2027-01-01", null, "ACTIVE")).post(CERTS, practitioner)
                .then().statusCode(400).body("errors.field", hasItem("modality"));
        asAdmin().body(certificationBody("IMS", "2027-01-01", null, "PENDING")).post(CERTS, practitioner)
                .then().statusCode(400).body("errors.field", hasItem("status"));
        asAdmin().body(certificationBody("IMS", "2027-13-01", null, "ACTIVE")).post(CERTS, practitioner)
                .then().statusCode(400).body("errors.field", hasItem("validFrom"));
    }

    @Test
    void certifying_an_unknown_practitioner_is_404() {
        asAdmin().body(certificationBody("IMS", "2027-01-01", null, "ACTIVE")).post(CERTS, UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void suspending_a_certification_removes_the_practitioner_from_the_modality_list() {
        UUID practitioner = createPractitioner();
        UUID cert = certify(practitioner, "IMS", "2027-01-01", null, "ACTIVE");
        asAdmin().header("If-Match", "\"0\"").body(Map.of("status", "SUSPENDED"))
                .patch(CERTS + "/{certId}", practitioner, cert)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("SUSPENDED"))
                .body("modality", equalTo("IMS"));
        org.assertj.core.api.Assertions.assertThat(
                        PractitionerResourceTest.allPages("/api/v1/practitioners?modality=IMS&on=2027-06-01&limit=200"))
                .doesNotContain(practitioner.toString());
    }

    @Test
    void shortening_validity_is_a_patch_and_null_reopens_it() {
        UUID practitioner = createPractitioner();
        UUID cert = certify(practitioner, "IMS", "2027-01-01", null, "ACTIVE");
        asAdmin().body(Map.of("validUntil", "2027-03-31")).patch(CERTS + "/{certId}", practitioner, cert)
                .then().statusCode(200).body("validUntil", equalTo("2027-03-31"));
        asAdmin().body("{\"validUntil\": null}").patch(CERTS + "/{certId}", practitioner, cert)
                .then().statusCode(200).body("validUntil", nullValue());
    }

    @Test
    void patch_refuses_a_modality_change_and_a_stale_etag() {
        UUID practitioner = createPractitioner();
        UUID cert = certify(practitioner, "IMS", "2027-01-01", null, "ACTIVE");
        asAdmin().body(Map.of("modality", "ACUPUNCTURE")).patch(CERTS + "/{certId}", practitioner, cert)
                .then().statusCode(400).body("errors[0].field", equalTo("modality"));
        asAdmin().header("If-Match", "\"7\"").body(Map.of("status", "REVOKED"))
                .patch(CERTS + "/{certId}", practitioner, cert)
                .then().statusCode(412).body("code", equalTo("precondition-failed"));
        asAdmin().body(Map.of("validUntil", "2026-12-31")).patch(CERTS + "/{certId}", practitioner, cert)
                .then().statusCode(400).body("errors[0].field", equalTo("validUntil"));
        asAdmin().get(CERTS + "/{certId}", practitioner, cert).then()
                .body("status", equalTo("ACTIVE")).body("modality", equalTo("IMS")).header("ETag", "\"0\"");
    }

    @Test
    void a_certification_is_only_found_under_its_own_practitioner() {
        UUID owner = createPractitioner();
        UUID other = createPractitioner();
        UUID cert = certify(owner, "IMS", "2027-01-01", null, "ACTIVE");
        asAdmin().get(CERTS + "/{certId}", other, cert).then().statusCode(404).body("code", equalTo("not-found"));
        asAdmin().body(Map.of("status", "REVOKED")).patch(CERTS + "/{certId}", other, cert).then().statusCode(404);
    }
}
