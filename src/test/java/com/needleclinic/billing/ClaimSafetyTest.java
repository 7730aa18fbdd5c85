package com.needleclinic.billing;

import com.needleclinic.support.Api;
import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Claims as insurers receive them: no CSV cell a spreadsheet would evaluate, the database guarding
 * what was billed and the adjudication, and every export in each patient's audit history.
 */
@QuarkusTest
class ClaimSafetyTest {

    @Inject
    AgroalDataSource db;

    private static UUID patientNamed(UUID insurer, String first, String last, String policy) {
        Map<String, Object> body = Api.patientBody();
        body.put("firstName", first);
        body.put("lastName", last);
        UUID patient = UUID.fromString(asAdmin().body(body).post("/api/v1/patients").then().statusCode(201)
                .extract().path("id"));
        Map<String, Object> coverage = Api.coverageBody(insurer, "2020-01-01", null);
        coverage.put("policyNumber", policy);
        asAdmin().body(coverage).post("/api/v1/patients/{id}/coverages", patient).then().statusCode(201);
        return patient;
    }

    @Test
    void no_csv_cell_starts_a_formula() {
        SignedVisit visit = new SignedVisit();
        UUID insurer = Api.createInsurer();
        visit.signFor(patientNamed(insurer, "=HYPERLINK(\"http://x.invalid\",\"Click\")", "+Sum", "@SUM(A1:A9)"));
        String csv = as(Tokens.insurer(insurer)).accept("text/csv").get("/api/v1/claims").then().statusCode(200)
                .extract().asString();
        String row = csv.split("\r\n")[1];
        assertThat(row).contains("\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"Click\"\")\"").contains(",'+Sum,")
                .contains(",'@SUM(A1:A9),");
        for (String cell : row.split(",")) {
            assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@").doesNotStartWith("-");
        }
        as(Tokens.insurer(insurer)).get("/api/v1/claims").then().statusCode(200)
                .body("items[0].patient.firstName", org.hamcrest.Matchers.equalTo("=HYPERLINK(\"http://x.invalid\",\"Click\")"));
    }

    @Test
    void the_database_refuses_to_change_what_was_billed_or_to_undo_an_adjudication() throws SQLException {
        SignedVisit visit = new SignedVisit();
        UUID insurer = Api.createInsurer();
        visit.signFor(SignedVisit.insuredPatient(insurer));
        String claim = as(Tokens.insurer(insurer)).get("/api/v1/claims").then().extract().path("items[0].id");
        try (Connection c = db.getConnection(); Statement sql = c.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("update claim set amount_cents = 1 where id = '" + claim + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("what was billed never changes");
            assertThatThrownBy(() -> sql.executeUpdate("update claim set policy_number = 'X' where id = '" + claim + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("what was billed never changes");
            assertThatThrownBy(() -> sql.executeUpdate("delete from claim where id = '" + claim + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("claims are never deleted");
        }
        as(Tokens.insurer(insurer)).body(Map.of("outcome", "PAID", "paidCents", 9500))
                .post("/api/v1/claims/{id}/adjudication", claim).then().statusCode(200);
        try (Connection c = db.getConnection(); Statement sql = c.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("update claim set status = 'SUBMITTED', paid_cents = null,"
                    + " adjudicated_at = null where id = '" + claim + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("an adjudication is written once");
            assertThatThrownBy(() -> sql.executeUpdate("update claim set paid_cents = 1 where id = '" + claim + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("an adjudication is written once");
        }
    }

    @Test
    void the_database_refuses_an_amendment_of_a_draft_note() throws SQLException {
        SignedVisit visit = new SignedVisit();
        String draft = visit.draftFor(Api.createPatient())[1];
        String signed = visit.draftFor(Api.createPatient())[1];
        as(Tokens.practitioner(visit.practitioner)).post("/api/v1/treatment-notes/{id}/sign", signed).then().statusCode(200);
        String amend = "insert into treatment_note_amendment (id, note_id, reason, text, at, by)"
                + " values (gen_random_uuid(), '%s', 'Typo', 'Left, not right', now(), '" + visit.practitioner + "')";
        try (Connection c = db.getConnection(); Statement sql = c.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate(amend.formatted(draft)))
                    .isInstanceOf(SQLException.class).hasMessageContaining("amendments are for signed notes");
            assertThat(sql.executeUpdate(amend.formatted(signed))).isEqualTo(1);
        }
    }

    @Test
    void an_export_appears_in_the_audit_history_of_every_patient_it_carried() {
        SignedVisit visit = new SignedVisit();
        UUID insurer = Api.createInsurer();
        UUID first = SignedVisit.insuredPatient(insurer);
        UUID second = SignedVisit.insuredPatient(insurer);
        visit.signFor(first);
        visit.signFor(second);
        as(Tokens.insurer(insurer)).accept("text/csv").get("/api/v1/claims").then().statusCode(200);
        as(Tokens.insurer(insurer)).accept("application/fhir+json").get("/api/v1/claims").then().statusCode(200);
        for (UUID patient : List.of(first, second)) {
            List<Map<String, Object>> history = asAdmin().queryParam("patientId", patient).queryParam("limit", 200)
                    .get("/api/v1/audit-events").then().statusCode(200).extract().path("items");
            assertThat(history).filteredOn(e -> "EXPORT".equals(e.get("action")) && "CLAIM".equals(e.get("resourceType")))
                    .hasSize(2).allSatisfy(e -> assertThat(e.get("role")).isEqualTo("insurer"));
        }
    }
}
