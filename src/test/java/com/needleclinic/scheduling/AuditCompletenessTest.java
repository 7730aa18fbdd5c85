package com.needleclinic.scheduling;

import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.scheduling.Clinic.at;
import static com.needleclinic.scheduling.Clinic.inDays;
import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.createPatient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * "Who saw or sent this patient's data" gets a complete answer from the audit log: refusals with
 * the action attempted and the patient, replays, searches that found nothing, and the audit log's
 * own readers.
 */
@QuarkusTest
class AuditCompletenessTest {

    private static List<Map<String, Object>> history(UUID patient) {
        return asAdmin().queryParam("patientId", patient).queryParam("limit", 200).get("/api/v1/audit-events")
                .then().statusCode(200).extract().path("items");
    }

    @Test
    void a_refused_cancel_is_an_update_of_that_patients_appointment() {
        Clinic clinic = new Clinic();
        UUID patient = createPatient();
        String id = clinic.book(patient, clinic.imsPractitioner(null), clinic.imsService, at(inDays(4), "10:00"));
        as(Tokens.insurer(UUID.randomUUID())).body(Map.of("reason", "x")).post("/api/v1/appointments/{id}/cancel", id)
                .then().statusCode(403).body("code", equalTo("forbidden"));
        assertThat(history(patient)).anySatisfy(e -> {
            assertThat(e).containsEntry("outcome", "DENIED").containsEntry("action", "UPDATE")
                    .containsEntry("resourceType", "APPOINTMENT").containsEntry("resourceId", id);
        });
    }

    @Test
    void a_role_refused_read_of_an_appointment_names_its_patient() {
        Clinic clinic = new Clinic();
        UUID patient = createPatient();
        String id = clinic.book(patient, clinic.imsPractitioner(null), clinic.imsService, at(inDays(4), "11:00"));
        as(Tokens.insurer(UUID.randomUUID())).get("/api/v1/appointments/{id}", id).then().statusCode(403);
        assertThat(history(patient)).anySatisfy(e -> assertThat(e).containsEntry("outcome", "DENIED")
                .containsEntry("action", "READ").containsEntry("resourceId", id)
                .containsEntry("patientId", patient.toString()));
    }

    @Test
    void an_idempotent_replay_is_audited_as_a_read() {
        Clinic clinic = new Clinic();
        UUID patient = createPatient();
        Map<String, Object> body = clinic.booking(patient, clinic.imsPractitioner(null), clinic.imsService,
                at(inDays(4), "12:00"));
        String key = "replay-" + UUID.randomUUID();
        String id = asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/appointments").then()
                .statusCode(201).extract().path("id");
        asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/appointments").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertThat(history(patient)).anySatisfy(e -> assertThat(e).containsEntry("action", "READ")
                .containsEntry("resourceId", id).containsEntry("outcome", "SUCCESS"));
    }

    @Test
    void a_search_that_finds_nothing_is_audited_with_the_patient_it_was_about() {
        UUID patient = createPatient();
        asAdmin().queryParam("patientId", patient).get("/api/v1/appointments").then().statusCode(200)
                .body("items.size()", equalTo(0));
        assertThat(history(patient)).anySatisfy(e -> assertThat(e).containsEntry("action", "SEARCH")
                .containsEntry("resourceType", "APPOINTMENT").containsEntry("resourceId", null));
    }

    @Test
    void reading_a_patients_audit_history_is_itself_in_that_history() {
        UUID patient = createPatient();
        history(patient);
        assertThat(history(patient)).anySatisfy(e -> assertThat(e).containsEntry("action", "SEARCH")
                .containsEntry("resourceType", "AUDIT_EVENT").containsEntry("patientId", patient.toString()));
    }

    @Test
    void a_replay_is_answered_only_to_a_caller_who_may_still_make_the_request() {
        Clinic clinic = new Clinic();
        UUID practitioner = clinic.imsPractitioner(null);
        Map<String, Object> body = clinic.booking(createPatient(), practitioner, clinic.imsService, at(inDays(4), "13:00"));
        String key = "cross-role-" + UUID.randomUUID();
        String subject = "shared-subject-" + UUID.randomUUID();
        as(Tokens.withSubject("front-desk", subject)).header("Idempotency-Key", key).body(body)
                .post("/api/v1/appointments").then().statusCode(201);
        String otherPractitioner = Tokens.builder("practitioner", subject)
                .claim("practitioner_id", UUID.randomUUID().toString()).sign(Tokens.key());
        as(otherPractitioner).header("Idempotency-Key", key).body(body).post("/api/v1/appointments").then()
                .statusCode(403).body("code", equalTo("forbidden"));
    }
}
