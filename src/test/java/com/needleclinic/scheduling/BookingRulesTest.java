package com.needleclinic.scheduling;

import com.needleclinic.support.Api;
import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.scheduling.Clinic.at;
import static com.needleclinic.scheduling.Clinic.inDays;
import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.createPatient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Rules 1-3 at booking and rescheduling, each asserting its problem code. */
@QuarkusTest
class BookingRulesTest {

    private final LocalDate visit = inDays(20);
    private Clinic clinic;

    @BeforeEach
    void openClinic() {
        clinic = new Clinic();
    }

    private io.restassured.response.ValidatableResponse book(Map<String, Object> body) {
        return asAdmin().body(body).post("/api/v1/appointments").then();
    }

    @Test
    void a_booking_answers_the_appointment_with_its_end_from_the_service_duration() {
        UUID practitioner = clinic.imsPractitioner(null);
        UUID patient = createPatient();
        String start = at(visit, "10:00");
        book(clinic.booking(patient, practitioner, clinic.imsService, start)).statusCode(201)
                .header("ETag", "\"0\"")
                .body("patientId", equalTo(patient.toString()))
                .body("practitionerId", equalTo(practitioner.toString()))
                .body("serviceId", equalTo(clinic.imsService.toString()))
                .body("locationId", equalTo(clinic.location.toString()))
                .body("start", equalTo(OffsetDateTime.parse(start).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .body("end", equalTo(OffsetDateTime.parse(start).plusSeconds(1800).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .body("status", equalTo("BOOKED"))
                .body("cancellation", nullValue())
                .body("version", equalTo(0));
    }

    @Test
    void rejects_ims_with_a_practitioner_certified_only_for_acupuncture() {
        UUID acupuncturist = Api.createPractitioner();
        Api.certify(acupuncturist, "ACUPUNCTURE", "2020-01-01", null, "ACTIVE");
        clinic.worksEveryDay(acupuncturist, "09:00", "17:00");
        book(clinic.booking(createPatient(), acupuncturist, clinic.imsService, at(visit, "10:00")))
                .statusCode(422).body("code", equalTo("practitioner-not-certified"));
    }

    @Test
    void rejects_booking_when_certification_expires_the_day_before_the_visit() {
        UUID practitioner = clinic.imsPractitioner(visit.minusDays(1));
        book(clinic.booking(createPatient(), practitioner, clinic.imsService, at(visit, "10:00")))
                .statusCode(422).body("code", equalTo("practitioner-not-certified"));
        book(clinic.booking(createPatient(), practitioner, clinic.imsService, at(visit.minusDays(1), "10:00")))
                .statusCode(201);
    }

    @Test
    void rejects_booking_with_a_suspended_certification() {
        UUID practitioner = Api.createPractitioner();
        Api.certify(practitioner, "IMS", "2020-01-01", null, "SUSPENDED");
        clinic.worksEveryDay(practitioner, "09:00", "17:00");
        book(clinic.booking(createPatient(), practitioner, clinic.imsService, at(visit, "10:00")))
                .statusCode(422).body("code", equalTo("practitioner-not-certified"));
    }

    @Test
    void a_service_without_modality_needs_no_certification_but_an_active_practitioner() {
        UUID practitioner = Api.createPractitioner();
        clinic.worksEveryDay(practitioner, "09:00", "17:00");
        book(clinic.booking(createPatient(), practitioner, clinic.assessment, at(visit, "10:00"))).statusCode(201);
        asAdmin().body(Map.of("active", false)).patch("/api/v1/practitioners/{id}", practitioner).then().statusCode(200);
        book(clinic.booking(createPatient(), practitioner, clinic.assessment, at(visit, "13:00")))
                .statusCode(422).body("code", equalTo("practitioner-inactive"));
    }

    @Test
    void rejects_rescheduling_into_a_day_after_expiry() {
        UUID practitioner = clinic.imsPractitioner(visit);
        String id = clinic.book(createPatient(), practitioner, clinic.imsService, at(visit, "10:00"));
        asAdmin().body(Map.of("start", at(visit.plusDays(1), "10:00")))
                .post("/api/v1/appointments/{id}/reschedule", id)
                .then().statusCode(422).body("code", equalTo("practitioner-not-certified"));
        asAdmin().get("/api/v1/appointments/{id}", id).then()
                .body("start", equalTo(OffsetDateTime.parse(at(visit, "10:00")).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        asAdmin().body(Map.of("start", at(visit, "14:00"))).post("/api/v1/appointments/{id}/reschedule", id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("start", equalTo(OffsetDateTime.parse(at(visit, "14:00")).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
    }

    @Test
    void a_booking_writes_one_audit_event_and_a_refused_one_writes_none() {
        UUID practitioner = clinic.imsPractitioner(null);
        UUID patient = createPatient();
        String frontDesk = Tokens.withSubject("front-desk", "desk-12");
        String id = as(frontDesk).body(clinic.booking(patient, practitioner, clinic.imsService, at(visit, "10:00")))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        as(frontDesk).body(clinic.booking(patient, practitioner, clinic.imsService, at(visit, "10:15")))
                .post("/api/v1/appointments").then().statusCode(409).body("code", equalTo("slot-unavailable"));

        var events = asAdmin().queryParam("patientId", patient.toString()).get("/api/v1/audit-events")
                .then().statusCode(200).extract().jsonPath();
        assertThat(events.getList("items.resourceType")).containsExactly("PATIENT", "APPOINTMENT");
        assertThat(events.getString("items[1].action")).isEqualTo("CREATE");
        assertThat(events.getString("items[1].resourceId")).isEqualTo(id);
        assertThat(events.getString("items[1].actor")).isEqualTo("desk-12");
        assertThat(events.getString("items[1].role")).isEqualTo("front-desk");
        assertThat(events.getString("items[1].outcome")).isEqualTo("SUCCESS");
    }

    @Test
    void the_same_instant_at_a_location_a_day_ahead_in_local_time_is_still_an_overlap() {
        UUID practitioner = clinic.imsPractitioner(null);
        Map<String, Object> kiritimati = Api.locationBody();
        kiritimati.put("timeZone", "Pacific/Kiritimati");   // UTC+14: its local date is a day after Vancouver's
        String island = asAdmin().body(kiritimati).post("/api/v1/locations").then().statusCode(201).extract().path("id");
        java.util.List<Map<String, Object>> entries = new java.util.ArrayList<>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            entries.add(Map.of("locationId", clinic.location.toString(), "dayOfWeek", day.name(), "start", "22:00", "end", "23:59"));
            entries.add(Map.of("locationId", island, "dayOfWeek", day.name(), "start", "20:00", "end", "21:59"));
        }
        asAdmin().body(Map.of("entries", entries)).put("/api/v1/practitioners/{id}/schedule", practitioner)
                .then().statusCode(200);
        String lateInVancouver = at(visit, "23:00");   // 21:00 the next day on Kiritimati
        clinic.book(createPatient(), practitioner, clinic.imsService, lateInVancouver);

        Map<String, Object> there = clinic.booking(createPatient(), practitioner, clinic.imsService, lateInVancouver);
        there.put("locationId", island);
        book(there).statusCode(409).body("code", equalTo("slot-unavailable"));
    }

    @Test
    void rescheduling_may_overlap_the_appointment_s_own_slot_but_not_another_s() {
        UUID practitioner = clinic.imsPractitioner(null);
        UUID patient = createPatient();
        String id = clinic.book(patient, practitioner, clinic.imsService, at(visit, "10:00"));
        clinic.book(createPatient(), practitioner, clinic.imsService, at(visit, "11:00"));
        asAdmin().body(Map.of("start", at(visit, "10:15"))).post("/api/v1/appointments/{id}/reschedule", id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("start", equalTo(OffsetDateTime.parse(at(visit, "10:15")).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        asAdmin().header("If-Match", "\"1\"").body(Map.of("start", at(visit, "10:45")))
                .post("/api/v1/appointments/{id}/reschedule", id)
                .then().statusCode(409).body("code", equalTo("slot-unavailable"));
        clinic.book(patient, clinic.imsPractitioner(null), clinic.imsService, at(visit, "15:00"));
        asAdmin().header("If-Match", "\"1\"").body(Map.of("start", at(visit, "15:00")))
                .post("/api/v1/appointments/{id}/reschedule", id)
                .then().statusCode(409).body("code", equalTo("patient-double-booked"));
        asAdmin().get("/api/v1/appointments/{id}", id).then().header("ETag", "\"1\"")
                .body("start", equalTo(OffsetDateTime.parse(at(visit, "10:15")).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
    }

    @Test
    void rejects_outside_working_hours_and_across_the_end_of_the_block() {
        UUID practitioner = clinic.imsPractitioner(null);
        book(clinic.booking(createPatient(), practitioner, clinic.imsService, at(visit, "08:30")))
                .statusCode(422).body("code", equalTo("outside-availability"));
        book(clinic.booking(createPatient(), practitioner, clinic.imsService, at(visit, "16:45")))
                .statusCode(422).body("code", equalTo("outside-availability"));
        book(clinic.booking(createPatient(), practitioner, clinic.imsService, at(visit, "16:30"))).statusCode(201);
    }

    @Test
    void rejects_another_location_than_the_schedule_s() {
        UUID practitioner = clinic.imsPractitioner(null);
        Clinic elsewhere = new Clinic();
        Map<String, Object> body = clinic.booking(createPatient(), practitioner, clinic.imsService, at(visit, "10:00"));
        body.put("locationId", elsewhere.location.toString());
        book(body).statusCode(422).body("code", equalTo("outside-availability"));
    }

    @Test
    void rejects_booking_in_time_off() {
        UUID practitioner = clinic.imsPractitioner(null);
        asAdmin().body(Map.of("start", at(visit, "12:00"), "end", at(visit, "13:00"), "reason", "Dentist"))
                .post("/api/v1/practitioners/{id}/time-off", practitioner).then().statusCode(201);
        book(clinic.booking(createPatient(), practitioner, clinic.imsService, at(visit, "12:45")))
                .statusCode(422).body("code", equalTo("outside-availability"));
        book(clinic.booking(createPatient(), practitioner, clinic.imsService, at(visit, "11:30"))).statusCode(201);
        book(clinic.booking(createPatient(), practitioner, clinic.imsService, at(visit, "13:00"))).statusCode(201);
    }

    @Test
    void rejects_a_start_in_the_past() {
        UUID practitioner = clinic.imsPractitioner(null);
        book(clinic.booking(createPatient(), practitioner, clinic.imsService, at(inDays(-1), "10:00")))
                .statusCode(422).body("code", equalTo("start-in-past"));
    }

    @Test
    void rejects_an_overlap_of_one_minute() {
        UUID practitioner = clinic.imsPractitioner(null);
        clinic.book(createPatient(), practitioner, clinic.imsService, at(visit, "10:00"));
        book(clinic.booking(createPatient(), practitioner, clinic.imsService, at(visit, "10:29")))
                .statusCode(409).body("code", equalTo("slot-unavailable"));
        book(clinic.booking(createPatient(), practitioner, clinic.imsService, at(visit, "09:31")))
                .statusCode(409).body("code", equalTo("slot-unavailable"));
    }

    @Test
    void allows_back_to_back_appointments() {
        UUID practitioner = clinic.imsPractitioner(null);
        UUID patient = createPatient();
        clinic.book(patient, practitioner, clinic.imsService, at(visit, "10:00"));
        book(clinic.booking(patient, practitioner, clinic.imsService, at(visit, "10:30"))).statusCode(201);
        book(clinic.booking(createPatient(), practitioner, clinic.imsService, at(visit, "09:30"))).statusCode(201);
    }

    @Test
    void a_cancelled_slot_can_be_booked_again() {
        UUID practitioner = clinic.imsPractitioner(null);
        String first = clinic.book(createPatient(), practitioner, clinic.imsService, at(visit, "10:00"));
        asAdmin().body(Map.of("reason", "Patient unwell")).post("/api/v1/appointments/{id}/cancel", first)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        book(clinic.booking(createPatient(), practitioner, clinic.imsService, at(visit, "10:00"))).statusCode(201);
    }

    @Test
    void rejects_a_patient_double_booked_with_another_practitioner() {
        UUID patient = createPatient();
        clinic.book(patient, clinic.imsPractitioner(null), clinic.imsService, at(visit, "10:00"));
        book(clinic.booking(patient, clinic.imsPractitioner(null), clinic.imsService, at(visit, "10:15")))
                .statusCode(409).body("code", equalTo("patient-double-booked"));
    }

    @Test
    void unknown_references_in_the_body_are_field_errors() {
        UUID practitioner = clinic.imsPractitioner(null);
        Map<String, Object> body = clinic.booking(UUID.randomUUID(), practitioner, clinic.imsService, at(visit, "10:00"));
        book(body).statusCode(400).body("code", equalTo("validation-failed")).body("errors[0].field", equalTo("patientId"));
        body = clinic.booking(createPatient(), practitioner, UUID.randomUUID(), at(visit, "10:00"));
        book(body).statusCode(400).body("errors[0].field", equalTo("serviceId"));
        body.put("start", "2027-03-01T10:00:00");
        book(body).statusCode(400).body("errors[0].field", equalTo("start"));
    }

    @Test
    void an_idempotent_retry_replays_the_booking() {
        UUID practitioner = clinic.imsPractitioner(null);
        Map<String, Object> body = clinic.booking(createPatient(), practitioner, clinic.imsService, at(visit, "10:00"));
        String key = UUID.randomUUID().toString();
        String id = asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/appointments")
                .then().statusCode(201).extract().path("id");
        asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/appointments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
    }
}
