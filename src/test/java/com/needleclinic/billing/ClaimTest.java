package com.needleclinic.billing;

import com.needleclinic.support.Api;
import com.needleclinic.support.Db;
import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Rule 6: signing creates one claim for the insurer of the coverage valid that day; insurers see only theirs. */
@QuarkusTest
class ClaimTest {

    @Inject
    AgroalDataSource db;

    private SignedVisit visit;
    private UUID insurerA;
    private UUID insurerB;

    @BeforeEach
    void setUp() {
        visit = new SignedVisit();
        insurerA = Api.createInsurer();
        insurerB = Api.createInsurer();
    }

    private JsonPath claimsOf(UUID insurer) {
        return as(Tokens.insurer(insurer)).queryParam("limit", "200").get("/api/v1/claims")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void signing_creates_one_submitted_claim_with_what_the_insurer_needs_and_no_clinical_content() {
        UUID patient = SignedVisit.insuredPatient(insurerA);
        String appointment = visit.signFor(patient);

        JsonPath claims = claimsOf(insurerA);
        assertThat(claims.getList("items")).hasSize(1);
        String id = claims.getString("items[0].id");
        String body = as(Tokens.insurer(insurerA)).get("/api/v1/claims/{id}", id).then().statusCode(200)
                .body("insurerId", equalTo(insurerA.toString()))
                .body("status", equalTo("SUBMITTED"))
                .body("appointmentId", equalTo(appointment))
                .body("patient.lastName", equalTo("Lovelace"))
                .body("patient.dateOfBirth", equalTo("1990-12-10"))
                .body("relationship", equalTo("SELF"))
                .body("policyNumber", not(nullValue()))
                .body("memberId", not(nullValue()))
                .body("practitioner.name", equalTo("Chan Gunn"))
                .body("practitioner.discipline", equalTo("PHYSIOTHERAPIST"))
                .body("practitioner.province", equalTo("BC"))
                .body("service.billingCode", equalTo("IMS-30"))
                .body("service.modality", equalTo("IMS"))
                .body("amountCents", equalTo(9500))
                .body("currency", equalTo("CAD"))
                .body("adjudication", nullValue())
                .extract().asString();
        assertThat(body).doesNotContain("SECRET-CLINICAL-TEXT").doesNotContain("Gluteus").doesNotContain("sites");
        assertThat(claimsFor(appointment)).isEqualTo(1);
    }

    @Test
    void no_coverage_valid_on_the_service_date_means_no_claim() {
        UUID uninsured = Api.createPatient();
        String appointment = visit.signFor(uninsured);
        assertThat(claimsFor(appointment)).isZero();

        UUID lapsed = Api.createPatient();
        asAdmin().body(Api.coverageBody(insurerA, "2020-01-01", java.time.LocalDate.now().minusDays(2).toString()))
                .post("/api/v1/patients/{id}/coverages", lapsed).then().statusCode(201);
        assertThat(claimsFor(visit.signFor(lapsed))).isZero();
    }

    @Test
    void signing_twice_never_makes_two_claims() throws Exception {
        UUID patient = SignedVisit.insuredPatient(insurerA);
        String appointment = visit.signFor(patient);
        String note = as(Tokens.practitioner(visit.practitioner)).queryParam("limit", "200")
                .get("/api/v1/patients/{id}/treatment-notes", patient).then().extract().path("items[0].id");
        as(Tokens.practitioner(visit.practitioner)).post("/api/v1/treatment-notes/{id}/sign", note)
                .then().statusCode(409).body("code", equalTo("note-locked"));
        assertThat(claimsFor(appointment)).isEqualTo(1);
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate(
                            "insert into claim select gen_random_uuid(), note_id, appointment_id, patient_id, coverage_id, "
                                    + "insurer_id, status, service_date, patient_first_name, patient_last_name, patient_date_of_birth, "
                                    + "policy_number, member_id, relationship, practitioner_name, practitioner_discipline, "
                                    + "practitioner_registration_number, practitioner_province, service_name, billing_code, modality, "
                                    + "amount_cents, currency, paid_cents, adjudication_reason, adjudicated_at, version, created_at, "
                                    + "practitioner_registration_body, location_name, location_province, insurer_code "
                                    + "from claim where appointment_id = '" + appointment + "'"))
                    .hasMessageContaining("claim_one_per");
        }
    }

    @Test
    void insurer_a_cannot_see_or_adjudicate_insurer_b_s_claims() {
        visit.signFor(SignedVisit.insuredPatient(insurerA));
        visit.signFor(SignedVisit.insuredPatient(insurerB));
        String claimOfB = claimsOf(insurerB).getString("items[0].id");

        assertThat(claimsOf(insurerA).getList("items.insurerId")).containsOnly(insurerA.toString()).hasSize(1);
        as(Tokens.insurer(insurerA)).get("/api/v1/claims/{id}", claimOfB).then().statusCode(404)
                .body("code", equalTo("not-found")).body("patient", nullValue());
        as(Tokens.insurer(insurerA)).body(Map.of("outcome", "PAID", "paidCents", 1))
                .post("/api/v1/claims/{id}/adjudication", claimOfB).then().statusCode(404);
        as(Tokens.insurer(insurerB)).get("/api/v1/claims/{id}", claimOfB).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        List<String> all = asAdmin().queryParam("limit", "200").get("/api/v1/claims").then().statusCode(200)
                .extract().path("items.id");
        assertThat(all).contains(claimOfB);
        asAdmin().body(Map.of("outcome", "PAID", "paidCents", 1)).post("/api/v1/claims/{id}/adjudication", claimOfB)
                .then().statusCode(403);
        as(Tokens.frontDesk()).get("/api/v1/claims").then().statusCode(403);
        as(Tokens.practitioner(visit.practitioner)).get("/api/v1/claims").then().statusCode(403);
    }

    @Test
    void adjudication_happens_once_and_is_validated() {
        visit.signFor(SignedVisit.insuredPatient(insurerA));
        String id = claimsOf(insurerA).getString("items[0].id");
        String insurer = Tokens.insurer(insurerA);
        as(insurer).body(Map.of("outcome", "PAID", "paidCents", 9501)).post("/api/v1/claims/{id}/adjudication", id)
                .then().statusCode(400).body("errors[0].field", equalTo("paidCents"));
        as(insurer).body(Map.of("outcome", "PAID")).post("/api/v1/claims/{id}/adjudication", id)
                .then().statusCode(400).body("code", equalTo("validation-failed"));
        as(insurer).body(Map.of("outcome", "REJECTED", "reason", " ")).post("/api/v1/claims/{id}/adjudication", id)
                .then().statusCode(400);
        as(insurer).body(Map.of("outcome", "MAYBE")).post("/api/v1/claims/{id}/adjudication", id)
                .then().statusCode(400).body("errors[0].field", equalTo("outcome"));
        as(insurer).body(Map.of("outcome", "PAID", "paidCents", 7600)).post("/api/v1/claims/{id}/adjudication", id)
                .then().statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("reason"));
        as(insurer).body(Map.of("outcome", "PAID", "paidCents", 7600, "reason", "80% coinsurance"))
                .post("/api/v1/claims/{id}/adjudication", id)
                .then().statusCode(200).body("status", equalTo("PAID"))
                .body("adjudication.paidCents", equalTo(7600)).body("adjudication.reason", equalTo("80% coinsurance"))
                .body("adjudication.at", not(nullValue()));
        as(insurer).body(Map.of("outcome", "REJECTED", "reason", "Not covered")).post("/api/v1/claims/{id}/adjudication", id)
                .then().statusCode(409).body("code", equalTo("already-adjudicated"));
        as(insurer).get("/api/v1/claims/{id}", id).then().body("status", equalTo("PAID"));
        assertThat(claimsOf(insurerA).getList("items.status")).containsExactly("PAID");
        assertThat(as(insurer).queryParam("status", "SUBMITTED").get("/api/v1/claims").then().extract()
                .<List<String>>path("items")).isEmpty();
    }

    @Test
    void exports_and_adjudications_are_audited() {
        UUID patient = SignedVisit.insuredPatient(insurerA);
        visit.signFor(patient);
        String id = claimsOf(insurerA).getString("items[0].id");
        as(Tokens.insurer(insurerA)).body(Map.of("outcome", "REJECTED", "reason", "Duplicate"))
                .post("/api/v1/claims/{id}/adjudication", id).then().statusCode(200);
        as(Tokens.insurer(insurerA)).accept("text/csv").get("/api/v1/claims").then().statusCode(200);
        List<String> actions = asAdmin().queryParam("patientId", patient.toString()).queryParam("limit", "200")
                .get("/api/v1/audit-events").then().extract().path("items.action");
        assertThat(actions).contains("SIGN", "ADJUDICATE");
        // The export is audited under the insurer's subject (the day's first page of audit rows is
        // anyone's: every refused call of the suite is in it too).
        assertThat(Db.count(db, "select count(*) from audit_event where resource_type = 'CLAIM_CSV' and actor = ?",
                "test-insurer-" + insurerA)).isPositive();
    }


    private long claimsFor(String appointment) {
        return Db.count(db, "select count(*) from claim where appointment_id = ?::uuid", appointment);
    }
}
