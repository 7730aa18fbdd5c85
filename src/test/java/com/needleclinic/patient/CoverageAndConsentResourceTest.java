package com.needleclinic.patient;

import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.coverageBody;
import static com.needleclinic.support.Api.createInsurer;
import static com.needleclinic.support.Api.createPatient;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CoverageAndConsentResourceTest {

    private static final String COVERAGES = "/api/v1/patients/{id}/coverages";
    private static final String CONSENTS = "/api/v1/patients/{id}/consents";

    @Test
    void a_patient_holds_several_coverages() {
        UUID patient = createPatient();
        UUID insurer = createInsurer();
        Map<String, Object> primary = coverageBody(insurer, "2027-01-01", null);
        as(Tokens.frontDesk()).body(primary).post(COVERAGES, patient).then().statusCode(201)
                .body("insurerId", equalTo(insurer.toString()))
                .body("policyNumber", equalTo(primary.get("policyNumber")))
                .body("memberId", equalTo(primary.get("memberId")))
                .body("relationship", equalTo("SELF"))
                .body("validFrom", equalTo("2027-01-01"))
                .body("validUntil", nullValue());
        Map<String, Object> spouse = coverageBody(createInsurer(), "2027-01-01", "2027-12-31");
        spouse.put("relationship", "SPOUSE");
        as(Tokens.frontDesk()).body(spouse).post(COVERAGES, patient).then().statusCode(201);

        as(Tokens.frontDesk()).get(COVERAGES, patient).then().statusCode(200)
                .body("items.relationship", contains("SELF", "SPOUSE"))
                .body("nextCursor", nullValue());
    }

    @Test
    void coverage_input_is_validated_and_nothing_is_stored() {
        UUID patient = createPatient();
        as(Tokens.frontDesk()).body(coverageBody(UUID.randomUUID(), "2027-01-01", null)).post(COVERAGES, patient)
                .then().statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors.field", contains("insurerId"));
        as(Tokens.frontDesk()).body(coverageBody(createInsurer(), "2027-06-01", "2027-05-31")).post(COVERAGES, patient)
                .then().statusCode(400).body("errors.field", contains("validUntil"));
        Map<String, Object> body = coverageBody(createInsurer(), "2027-01-01", null);
        body.put("relationship", "COUSIN");
        body.put("policyNumber", "");
        as(Tokens.frontDesk()).body(body).post(COVERAGES, patient).then().statusCode(400)
                .body("errors.field", hasItem("relationship"));
        body.put("relationship", "DEPENDENT");
        as(Tokens.frontDesk()).body(body).post(COVERAGES, patient).then().statusCode(400)
                .body("errors.field", contains("policyNumber"));
        as(Tokens.frontDesk()).get(COVERAGES, patient).then().body("items", empty());
        as(Tokens.frontDesk()).body(coverageBody(createInsurer(), "2027-01-01", null)).post(COVERAGES, UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void coverages_with_policy_numbers_are_not_for_practitioners_or_insurers() {
        UUID patient = createPatient();
        as(Tokens.practitioner(UUID.randomUUID())).get(COVERAGES, patient).then().statusCode(403);
        as(Tokens.insurer(UUID.randomUUID())).get(COVERAGES, patient).then().statusCode(403);
    }

    @Test
    void consent_is_given_listed_and_withdrawn_once() {
        UUID patient = createPatient();
        String consent = as(Tokens.frontDesk()).body(Map.of("modality", "IMS", "givenOn", "2026-01-15"))
                .post(CONSENTS, patient).then().statusCode(201)
                .body("modality", equalTo("IMS"))
                .body("givenOn", equalTo("2026-01-15"))
                .body("withdrawnOn", nullValue())
                .extract().path("id");
        as(Tokens.frontDesk()).get(CONSENTS, patient).then().statusCode(200).body("items.id", contains(consent));

        as(Tokens.frontDesk()).body(Map.of("withdrawnOn", "2026-01-14"))
                .post(CONSENTS + "/{consentId}/withdrawal", patient, consent)
                .then().statusCode(400).body("errors[0].field", equalTo("withdrawnOn"));
        as(Tokens.frontDesk()).body(Map.of("withdrawnOn", "2026-03-01"))
                .post(CONSENTS + "/{consentId}/withdrawal", patient, consent)
                .then().statusCode(200).body("withdrawnOn", equalTo("2026-03-01")).body("modality", equalTo("IMS"));
        as(Tokens.frontDesk()).body(Map.of("withdrawnOn", "2026-04-01"))
                .post(CONSENTS + "/{consentId}/withdrawal", patient, consent)
                .then().statusCode(409).body("code", equalTo("consent-already-withdrawn"));
        as(Tokens.frontDesk()).get(CONSENTS, patient).then().body("items[0].withdrawnOn", equalTo("2026-03-01"));
    }

    @Test
    void consent_input_is_validated() {
        UUID patient = createPatient();
        as(Tokens.frontDesk()).body(Map.of("modality", "CUPPING", "givenOn", "2026-01-15")).post(CONSENTS, patient)
                .then().statusCode(400).body("errors.field", contains("modality"));
        as(Tokens.frontDesk()).body(Map.of("modality", "IMS", "givenOn", LocalDate.now().plusDays(3).toString()))
                .post(CONSENTS, patient).then().statusCode(400).body("errors.field", contains("givenOn"));
        as(Tokens.frontDesk()).body(Map.of("modality", "IMS")).post(CONSENTS, patient)
                .then().statusCode(400).body("errors.field", contains("givenOn"));
        as(Tokens.frontDesk()).get(CONSENTS, patient).then().body("items", empty());
    }

    @Test
    void a_consent_is_withdrawn_only_through_its_own_patient() {
        UUID owner = createPatient();
        UUID other = createPatient();
        String consent = asAdmin().body(Map.of("modality", "ACUPUNCTURE", "givenOn", "2026-01-15"))
                .post(CONSENTS, owner).then().statusCode(201).extract().path("id");
        asAdmin().body(Map.of("withdrawnOn", "2026-03-01")).post(CONSENTS + "/{consentId}/withdrawal", other, consent)
                .then().statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void a_practitioner_who_does_not_treat_the_patient_cannot_list_consents() {
        UUID patient = createPatient();
        as(Tokens.practitioner(UUID.randomUUID())).get(CONSENTS, patient).then().statusCode(404)
                .body("items", nullValue());
        as(Tokens.practitioner(UUID.randomUUID())).body(Map.of("modality", "IMS", "givenOn", "2026-01-15"))
                .post(CONSENTS, patient).then().statusCode(403);
    }
}
