package com.needleclinic.audit;

import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
import static com.needleclinic.support.Api.patientBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AuditTrailTest {

    @Inject
    AgroalDataSource db;

    @Test
    void every_read_and_change_of_a_patient_is_audited_with_who_what_and_outcome() {
        String frontDesk = Tokens.withSubject("front-desk", "desk-7");
        Map<String, Object> body = patientBody();
        String id = as(frontDesk).body(body).post("/api/v1/patients").then().statusCode(201).extract().path("id");
        as(frontDesk).get("/api/v1/patients/{id}", id).then().statusCode(200);
        as(frontDesk).body(Map.of("phone", "+1 604 555 0199")).patch("/api/v1/patients/{id}", id).then().statusCode(200);
        as(frontDesk).queryParam("q", body.get("firstName")).get("/api/v1/patients").then().statusCode(200);
        as(frontDesk).body(Map.of("modality", "IMS", "givenOn", "2026-01-15")).post("/api/v1/patients/{id}/consents", id)
                .then().statusCode(201);

        JsonPath events = events(id);
        assertThat(events.getList("items.action")).containsExactly("CREATE", "READ", "UPDATE", "SEARCH", "CREATE");
        assertThat(events.getList("items.resourceType"))
                .containsExactly("PATIENT", "PATIENT", "PATIENT", "PATIENT", "CONSENT");
        assertThat(events.getList("items.actor")).containsOnly("desk-7");
        assertThat(events.getList("items.role")).containsOnly("front-desk");
        assertThat(events.getList("items.outcome")).containsOnly("SUCCESS");
        assertThat(events.getList("items.patientId")).containsOnly(id);
        assertThat(events.getString("items[0].resourceId")).isEqualTo(id);
        assertThat(events.getString("items[0].at")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void denied_attempts_are_audited_too() {
        String id = asAdmin().body(patientBody()).post("/api/v1/patients").then().statusCode(201).extract().path("id");
        UUID practitioner = UUID.randomUUID();
        as(Tokens.practitioner(practitioner)).get("/api/v1/patients/{id}", id).then().statusCode(404);
        as(Tokens.insurer(UUID.randomUUID())).get("/api/v1/patients/{id}", id).then().statusCode(403);

        JsonPath events = events(id);
        assertThat(events.getList("items.outcome")).containsExactly("SUCCESS", "DENIED", "DENIED");
        assertThat(events.getList("items.role")).containsExactly("admin", "practitioner", "insurer");
        assertThat(events.getList("items.action")).containsExactly("CREATE", "READ", "READ");
        assertThat(events.getString("items[1].actor")).isEqualTo("test-practitioner-" + practitioner);
    }

    @Test
    void a_failed_change_leaves_no_success_event() {
        Map<String, Object> body = patientBody();
        String id = asAdmin().body(body).post("/api/v1/patients").then().statusCode(201).extract().path("id");
        asAdmin().header("If-Match", "\"9\"").body(Map.of("lastName", "Other")).patch("/api/v1/patients/{id}", id)
                .then().statusCode(412);
        assertThat(events(id).getList("items.action")).containsExactly("CREATE");
    }

    @Test
    void audit_rows_are_append_only_even_for_plain_sql() throws Exception {
        String id = asAdmin().body(patientBody()).post("/api/v1/patients").then().statusCode(201).extract().path("id");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_event set actor = 'someone-else' where patient_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_event where patient_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("truncate audit_event"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(events(id).getList("items.actor")).containsOnly("test-admin");
    }

    @Test
    void only_admin_reads_the_audit_log_and_filters_are_validated() {
        as(Tokens.frontDesk()).get("/api/v1/audit-events").then().statusCode(403);
        asAdmin().get("/api/v1/audit-events?patientId=nope").then().statusCode(400)
                .body("errors[0].field", equalTo("patientId"));
        asAdmin().get("/api/v1/audit-events?from=2027-02-02&to=2027-02-01").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        List<String> none = asAdmin().get("/api/v1/audit-events?from=2000-01-01&to=2000-01-02").then().statusCode(200)
                .extract().path("items");
        assertThat(none).isEmpty();
    }

    private static JsonPath events(String patientId) {
        return asAdmin().queryParam("patientId", patientId).get("/api/v1/audit-events")
                .then().statusCode(200).extract().jsonPath();
    }
}
