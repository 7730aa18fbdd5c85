package com.needleclinic.treatment;

import com.needleclinic.support.Api;
import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Rule 5: who writes, what a note holds, signing, locking and amending. */
@QuarkusTest
class TreatmentNoteTest {

    /** A zone where it is morning now: visits checked in today happen in the next hours. */
    private static final ZoneId ZONE = Api.morningZone();

    @Inject
    AgroalDataSource db;

    private UUID location;
    private UUID ims;
    private UUID practitioner;
    private UUID patient;

    @BeforeEach
    void setUp() {
        location = UUID.fromString(asAdmin().body(Api.morningLocationBody()).post("/api/v1/locations").then()
                .statusCode(201).extract().path("id"));
        ims = UUID.fromString(asAdmin().body(Api.serviceBody("IMS")).post("/api/v1/services").then().statusCode(201)
                .extract().path("id"));
        practitioner = certifiedPractitioner();
        patient = Api.createPatient();
    }

    private UUID certifiedPractitioner() {
        UUID id = Api.createPractitioner();
        Api.certify(id, "IMS", "2020-01-01", null, "ACTIVE");
        Api.worksEveryDay(id, location, "00:00", "23:59");
        return id;
    }

    private String book(UUID who, UUID forPatient, UUID service, int inDays) {
        String start = ZonedDateTime.of(LocalDate.now(ZONE).plusDays(inDays), java.time.LocalTime.of(10, 0), ZONE)
                .toOffsetDateTime().toString();
        return asAdmin().body(Map.of("patientId", forPatient.toString(), "practitionerId", who.toString(),
                        "serviceId", service.toString(), "locationId", location.toString(), "start", start))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
    }

    private int todays;

    /** Today's next visit, in the next two hours, checked in (check-in opens two hours before the start). */
    private String checkedIn(UUID who, UUID forPatient) {
        String start = Api.soon(ZONE, todays++);
        String appointment = asAdmin().body(Map.of("patientId", forPatient.toString(), "practitionerId", who.toString(),
                        "serviceId", ims.toString(), "locationId", location.toString(), "start", start))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        asAdmin().post("/api/v1/appointments/{id}/check-in", appointment).then().statusCode(200);
        return appointment;
    }

    private void consent(String modality, String givenOn) {
        asAdmin().body(Map.of("modality", modality, "givenOn", givenOn)).post("/api/v1/patients/{id}/consents", patient)
                .then().statusCode(201);
    }

    static Map<String, Object> note(String modality, int inserted, int removed) {
        Map<String, Object> needling = new HashMap<>();
        needling.put("modality", modality);
        needling.put("sites", List.of(
                Map.of("site", "Gluteus medius", "side", "LEFT", "needles", 3, "depthMm", 40,
                        "localTwitchResponse", true, "retentionSeconds", 0),
                Map.of("site", "L4 multifidus", "side", "BILATERAL", "needles", inserted - 3, "depthMm", 50,
                        "localTwitchResponse", false, "retentionSeconds", 600)));
        needling.put("needlesInserted", inserted);
        needling.put("needlesRemoved", removed);
        needling.put("electricalStimulation", Map.of("frequencyHz", 2, "minutes", 10));
        needling.put("adverseEvents", List.of("POST_NEEDLING_SORENESS"));
        Map<String, Object> body = new HashMap<>();
        body.put("subjective", "Low back pain radiating to left buttock, 6 weeks.");
        body.put("objective", "Taut bands L glut med; reduced lumbar flexion.");
        body.put("assessment", "Myofascial pain, L4-5 radiculopathy features.");
        body.put("plan", "IMS weekly x4; home exercise.");
        body.put("painBefore", 7);
        body.put("painAfter", 4);
        body.put("needling", needling);
        return body;
    }

    private String draft(String appointment, Map<String, Object> body) {
        return as(Tokens.practitioner(practitioner)).body(body)
                .post("/api/v1/appointments/{id}/treatment-note", appointment)
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void the_visits_note_is_found_by_its_visit_and_its_times_read_the_same_every_time() {
        consent("IMS", LocalDate.now().toString());
        String appointment = checkedIn(practitioner, patient);
        as(Tokens.practitioner(practitioner)).get("/api/v1/appointments/{id}/treatment-note", appointment).then()
                .statusCode(404).body("code", equalTo("not-found"));
        String id = draft(appointment, note("IMS", 8, 8));
        String signedAt = as(Tokens.practitioner(practitioner)).post("/api/v1/treatment-notes/{id}/sign", id).then()
                .statusCode(200).extract().path("signedAt");
        as(Tokens.practitioner(practitioner)).get("/api/v1/appointments/{id}/treatment-note", appointment).then()
                .statusCode(200).body("id", equalTo(id)).body("signedAt", equalTo(signedAt))
                .header("ETag", org.hamcrest.Matchers.notNullValue());
        as(Tokens.practitioner(practitioner)).get("/api/v1/treatment-notes/{id}", id).then()
                .body("signedAt", equalTo(signedAt));
        as(Tokens.practitioner(certifiedPractitioner())).get("/api/v1/appointments/{id}/treatment-note", appointment)
                .then().statusCode(404);
        as(Tokens.frontDesk()).get("/api/v1/appointments/{id}/treatment-note", appointment).then().statusCode(403);
    }

    @Test
    void the_practitioner_writes_replaces_and_signs_a_note_which_completes_the_visit() {
        consent("IMS", LocalDate.now().toString());
        String appointment = checkedIn(practitioner, patient);
        String me = Tokens.practitioner(practitioner);
        String id = as(me).body(note("IMS", 8, 6)).post("/api/v1/appointments/{id}/treatment-note", appointment)
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("appointmentId", equalTo(appointment))
                .body("status", equalTo("DRAFT"))
                .body("painBefore", equalTo(7))
                .body("needling.modality", equalTo("IMS"))
                .body("needling.sites[1].side", equalTo("BILATERAL"))
                .body("needling.electricalStimulation.frequencyHz", equalTo(2))
                .body("signedAt", nullValue())
                .extract().path("id");

        as(me).header("If-Match", "\"0\"").body(note("IMS", 8, 8)).put("/api/v1/treatment-notes/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"").body("needling.needlesRemoved", equalTo(8));
        as(me).header("If-Match", "\"1\"").post("/api/v1/treatment-notes/{id}/sign", id)
                .then().statusCode(200)
                .body("status", equalTo("SIGNED"))
                .body("signedAt", notNullValue())
                .body("signedBy", equalTo(practitioner.toString()));
        asAdmin().get("/api/v1/appointments/{id}", appointment).then().body("status", equalTo("COMPLETED"));
        as(me).get("/api/v1/treatment-notes/{id}", id).then().statusCode(200)
                .body("subjective", equalTo("Low back pain radiating to left buttock, 6 weeks."))
                .body("amendments", org.hamcrest.Matchers.empty());
    }

    @Test
    void signing_needs_every_needle_removed_and_changes_nothing_otherwise() {
        consent("IMS", LocalDate.now().toString());
        String appointment = checkedIn(practitioner, patient);
        String id = draft(appointment, note("IMS", 8, 7));
        as(Tokens.practitioner(practitioner)).post("/api/v1/treatment-notes/{id}/sign", id)
                .then().statusCode(422).body("code", equalTo("needle-count-mismatch"));
        as(Tokens.practitioner(practitioner)).get("/api/v1/treatment-notes/{id}", id).then().body("status", equalTo("DRAFT"));
        asAdmin().get("/api/v1/appointments/{id}", appointment).then().body("status", equalTo("CHECKED_IN"));
    }

    @Test
    void signing_needling_needs_consent_for_that_modality_on_the_session_date() {
        consent("ACUPUNCTURE", LocalDate.now().toString());
        String appointment = checkedIn(practitioner, patient);
        String id = draft(appointment, note("IMS", 8, 8));
        as(Tokens.practitioner(practitioner)).post("/api/v1/treatment-notes/{id}/sign", id)
                .then().statusCode(422).body("code", equalTo("consent-required"));

        String consentId = asAdmin().body(Map.of("modality", "IMS", "givenOn", LocalDate.now().toString()))
                .post("/api/v1/patients/{id}/consents", patient).then().statusCode(201).extract().path("id");
        asAdmin().body(Map.of("withdrawnOn", LocalDate.now(ZONE).toString()))
                .post("/api/v1/patients/{id}/consents/{c}/withdrawal", patient, consentId).then().statusCode(200);
        as(Tokens.practitioner(practitioner)).post("/api/v1/treatment-notes/{id}/sign", id)
                .then().statusCode(422).body("code", equalTo("consent-required"));
    }

    @Test
    void signing_needs_the_practitioner_still_certified_that_day() {
        consent("IMS", LocalDate.now().toString());
        String appointment = checkedIn(practitioner, patient);
        String id = draft(appointment, note("IMS", 8, 8));
        String cert = asAdmin().get("/api/v1/practitioners/{id}/certifications", practitioner).then()
                .extract().path("items[0].id");
        asAdmin().body(Map.of("status", "SUSPENDED")).patch("/api/v1/practitioners/{id}/certifications/{c}",
                practitioner, cert).then().statusCode(200);
        as(Tokens.practitioner(practitioner)).post("/api/v1/treatment-notes/{id}/sign", id)
                .then().statusCode(422).body("code", equalTo("practitioner-not-certified"));
    }

    @Test
    void a_signed_note_is_locked_and_corrected_by_append_only_amendments() {
        consent("IMS", LocalDate.now().toString());
        String id = draft(checkedIn(practitioner, patient), note("IMS", 8, 8));
        String me = Tokens.practitioner(practitioner);
        as(me).body(Map.of("reason", "Typo", "text", "x")).post("/api/v1/treatment-notes/{id}/amendments", id)
                .then().statusCode(409).body("code", equalTo("invalid-transition"));
        as(me).post("/api/v1/treatment-notes/{id}/sign", id).then().statusCode(200);

        as(me).body(note("IMS", 8, 8)).put("/api/v1/treatment-notes/{id}", id)
                .then().statusCode(409).body("code", equalTo("note-locked"));
        as(me).post("/api/v1/treatment-notes/{id}/sign", id).then().statusCode(409).body("code", equalTo("note-locked"));
        as(me).body(Map.of("reason", "Side recorded wrongly", "text", "Gluteus medius was RIGHT, not LEFT."))
                .post("/api/v1/treatment-notes/{id}/amendments", id).then().statusCode(201)
                .body("amendments.reason", contains("Side recorded wrongly"))
                .body("amendments[0].by", equalTo(practitioner.toString()))
                .body("amendments[0].at", notNullValue())
                .body("needling.sites[0].side", equalTo("LEFT"));
        as(me).body(Map.of("reason", " ", "text", "")).post("/api/v1/treatment-notes/{id}/amendments", id)
                .then().statusCode(400).body("errors.field", hasItem("reason")).body("errors.field", hasItem("text"));
    }

    @Test
    void the_database_refuses_rewriting_a_signed_note_or_an_amendment_in_plain_sql() throws Exception {
        consent("IMS", LocalDate.now().toString());
        String id = draft(checkedIn(practitioner, patient), note("IMS", 8, 8));
        String me = Tokens.practitioner(practitioner);
        as(me).post("/api/v1/treatment-notes/{id}/sign", id).then().statusCode(200);
        as(me).body(Map.of("reason", "Clarify", "text", "Added detail.")).post("/api/v1/treatment-notes/{id}/amendments", id)
                .then().statusCode(201);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update treatment_note set plan = 'rewritten' where id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("is signed");
            assertThatThrownBy(() -> s.executeUpdate("delete from treatment_note where id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("is signed");
            assertThatThrownBy(() -> s.executeUpdate("update treatment_note_amendment set text = 'x' where note_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from treatment_note_amendment where note_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        as(me).get("/api/v1/treatment-notes/{id}", id).then().body("plan", equalTo("IMS weekly x4; home exercise."));
    }

    @Test
    void a_draft_can_be_rewritten_in_sql_but_not_once_signed() throws Exception {
        String id = draft(checkedIn(practitioner, patient), note("IMS", 8, 8));
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("update treatment_note set plan = 'draft edit' where id = '" + id + "'")).isEqualTo(1);
        }
    }

    @Test
    void one_note_per_appointment_and_none_before_the_visit_starts_or_after_a_cancellation() {
        String appointment = checkedIn(practitioner, patient);
        draft(appointment, note("IMS", 8, 8));
        as(Tokens.practitioner(practitioner)).body(note("IMS", 8, 8))
                .post("/api/v1/appointments/{id}/treatment-note", appointment)
                .then().statusCode(409).body("code", equalTo("note-already-exists"));

        String future = book(practitioner, Api.createPatient(), ims, 4);
        as(Tokens.practitioner(practitioner)).body(note("IMS", 8, 8))
                .post("/api/v1/appointments/{id}/treatment-note", future)
                .then().statusCode(409).body("code", equalTo("invalid-transition"));
        asAdmin().body(Map.of("reason", "Sick")).post("/api/v1/appointments/{id}/cancel", future).then().statusCode(200);
        as(Tokens.practitioner(practitioner)).body(note("IMS", 8, 8))
                .post("/api/v1/appointments/{id}/treatment-note", future)
                .then().statusCode(409).body("code", equalTo("invalid-transition"));
    }

    @Test
    void the_needling_record_must_be_of_the_service_s_modality() {
        String appointment = checkedIn(practitioner, patient);
        as(Tokens.practitioner(practitioner)).body(note("ACUPUNCTURE", 8, 8))
                .post("/api/v1/appointments/{id}/treatment-note", appointment)
                .then().statusCode(422).body("code", equalTo("needling-modality-mismatch"));
        Map<String, Object> noNeedling = note("IMS", 8, 8);
        noNeedling.put("needling", null);
        as(Tokens.practitioner(practitioner)).body(noNeedling)
                .post("/api/v1/appointments/{id}/treatment-note", appointment).then().statusCode(201);
    }

    @Test
    void needling_ranges_and_counts_are_validated() {
        String appointment = checkedIn(practitioner, patient);
        Map<String, Object> body = note("IMS", 8, 8);
        @SuppressWarnings("unchecked")
        Map<String, Object> needling = (Map<String, Object>) body.get("needling");
        needling.put("sites", List.of(Map.of("site", "Trapezius", "side", "UP", "needles", 0, "depthMm", 101,
                "localTwitchResponse", true, "retentionSeconds", 0)));
        as(Tokens.practitioner(practitioner)).body(body).post("/api/v1/appointments/{id}/treatment-note", appointment)
                .then().statusCode(400).body("errors.field", hasItem("needling.sites[0].side"));
        needling.put("sites", List.of(Map.of("site", "Trapezius", "side", "LEFT", "needles", 0, "depthMm", 101,
                "localTwitchResponse", true, "retentionSeconds", 0)));
        needling.put("adverseEvents", List.of("NONE", "BRUISING"));
        needling.put("needlesRemoved", 9);
        body.put("painAfter", 11);
        as(Tokens.practitioner(practitioner)).body(body).post("/api/v1/appointments/{id}/treatment-note", appointment)
                .then().statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("needling.sites[0].needles"))
                .body("errors.field", hasItem("needling.sites[0].depthMm"))
                .body("errors.field", hasItem("needling.needlesInserted"))
                .body("errors.field", hasItem("needling.needlesRemoved"))
                .body("errors.field", hasItem("needling.adverseEvents"))
                .body("errors.field", hasItem("painAfter"));
    }

    @Test
    void only_practitioners_who_treat_the_patient_read_notes_and_only_the_author_writes() {
        consent("IMS", LocalDate.now().toString());
        String id = draft(checkedIn(practitioner, patient), note("IMS", 8, 8));
        UUID stranger = certifiedPractitioner();
        UUID colleague = certifiedPractitioner();
        book(colleague, patient, ims, 9);

        as(Tokens.practitioner(stranger)).get("/api/v1/treatment-notes/{id}", id).then().statusCode(404)
                .body("subjective", nullValue());
        as(Tokens.practitioner(stranger)).body(note("IMS", 8, 8)).put("/api/v1/treatment-notes/{id}", id)
                .then().statusCode(404);
        as(Tokens.practitioner(stranger)).get("/api/v1/patients/{id}/treatment-notes", patient).then().statusCode(404);
        as(Tokens.practitioner(colleague)).get("/api/v1/treatment-notes/{id}", id).then().statusCode(200)
                .body("plan", equalTo("IMS weekly x4; home exercise."));
        as(Tokens.practitioner(colleague)).post("/api/v1/treatment-notes/{id}/sign", id).then().statusCode(404);
        as(Tokens.practitioner(colleague)).get("/api/v1/patients/{id}/treatment-notes", patient).then().statusCode(200)
                .body("items.id", contains(id));
        as(Tokens.frontDesk()).get("/api/v1/treatment-notes/{id}", id).then().statusCode(403).body("subjective", nullValue());
        asAdmin().get("/api/v1/treatment-notes/{id}", id).then().statusCode(403);
        as(Tokens.insurer(UUID.randomUUID())).get("/api/v1/treatment-notes/{id}", id).then().statusCode(403);

        List<String> outcomes = asAdmin().queryParam("patientId", patient.toString()).queryParam("limit", "200")
                .get("/api/v1/audit-events").then().extract().path("items.outcome");
        assertThat(outcomes).contains("DENIED");
    }
}
