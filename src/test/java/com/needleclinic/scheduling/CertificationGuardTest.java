package com.needleclinic.scheduling;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.scheduling.Clinic.at;
import static com.needleclinic.scheduling.Clinic.inDays;
import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.certify;
import static com.needleclinic.support.Api.createPatient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/** Rule 1 guarded by the database, and certification changes that strand booked work. */
@QuarkusTest
class CertificationGuardTest {

    @Inject
    AgroalDataSource db;

    private Clinic clinic;
    private final LocalDate visit = inDays(30);

    @BeforeEach
    void setUp() {
        clinic = new Clinic();
    }

    @Test
    void suspending_a_certification_reports_and_flags_the_future_appointments_it_stranded() {
        UUID practitioner = com.needleclinic.support.Api.createPractitioner();
        UUID cert = certify(practitioner, "IMS", "2020-01-01", null, "ACTIVE");
        clinic.worksEveryDay(practitioner, "09:00", "17:00");
        String needling = clinic.book(createPatient(), practitioner, clinic.imsService, at(visit, "10:00"));
        String assessment = clinic.book(createPatient(), practitioner, clinic.assessment, at(visit, "11:00"));

        List<String> affected = asAdmin().header("If-Match", "\"0\"").body(Map.of("status", "SUSPENDED"))
                .patch("/api/v1/practitioners/{id}/certifications/{c}", practitioner, cert)
                .then().statusCode(200).body("status", equalTo("SUSPENDED"))
                .extract().path("affectedAppointmentIds");
        assertThat(affected).containsExactly(needling);

        List<String> attention = asAdmin().queryParam("needsAttention", "true").queryParam("limit", "200")
                .queryParam("practitionerId", practitioner.toString())
                .get("/api/v1/appointments").then().statusCode(200).extract().path("items.id");
        assertThat(attention).containsExactly(needling).doesNotContain(assessment);

        // cancelling a stranded appointment stays possible, and clears it from the list
        asAdmin().body(Map.of("reason", "Practitioner suspended")).post("/api/v1/appointments/{id}/cancel", needling)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertThat(asAdmin().queryParam("needsAttention", "true").queryParam("practitionerId", practitioner.toString())
                .get("/api/v1/appointments").then().extract().<List<String>>path("items.id")).isEmpty();
    }

    @Test
    void shortening_a_certification_strands_only_the_appointments_after_its_new_end() {
        UUID practitioner = com.needleclinic.support.Api.createPractitioner();
        UUID cert = certify(practitioner, "IMS", "2020-01-01", null, "ACTIVE");
        clinic.worksEveryDay(practitioner, "09:00", "17:00");
        String before = clinic.book(createPatient(), practitioner, clinic.imsService, at(visit, "10:00"));
        String after = clinic.book(createPatient(), practitioner, clinic.imsService, at(visit.plusDays(1), "10:00"));
        List<String> affected = asAdmin().body(Map.of("validUntil", visit.toString()))
                .patch("/api/v1/practitioners/{id}/certifications/{c}", practitioner, cert)
                .then().statusCode(200).extract().path("affectedAppointmentIds");
        assertThat(affected).containsExactly(after).doesNotContain(before);
    }

    @Test
    void the_database_refuses_an_appointment_for_an_uncertified_practitioner_even_in_plain_sql() throws Exception {
        UUID practitioner = com.needleclinic.support.Api.createPractitioner();
        UUID patient = createPatient();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("insert into appointment (id, patient_id, practitioner_id, service_id, "
                    + "location_id, start_at, end_at, local_date, status) values (gen_random_uuid(), '" + patient + "', '"
                    + practitioner + "', '" + clinic.imsService + "', '" + clinic.location + "', '"
                    + at(visit, "10:00") + "', '" + at(visit, "10:30") + "', '" + visit + "', 'BOOKED')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("holds no active IMS certification");
        }
    }

    @Test
    void the_database_refuses_moving_an_appointment_past_the_certification_but_allows_cancelling() throws Exception {
        UUID practitioner = com.needleclinic.support.Api.createPractitioner();
        certify(practitioner, "IMS", "2020-01-01", visit.toString(), "ACTIVE");
        clinic.worksEveryDay(practitioner, "09:00", "17:00");
        String id = clinic.book(createPatient(), practitioner, clinic.imsService, at(visit, "10:00"));
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update appointment set start_at = start_at + interval '1 day', "
                    + "end_at = end_at + interval '1 day' where id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("certification");
            s.executeUpdate("update certification set status = 'REVOKED' where practitioner_id = '" + practitioner + "'");
            assertThat(s.executeUpdate("update appointment set status = 'CANCELLED', cancelled_at = now(), "
                    + "cancelled_late = false, cancel_reason = 'revoked' where id = '" + id + "'")).isEqualTo(1);
        }
    }

    @Test
    void a_practitioner_sees_their_own_appointments_and_books_only_for_themself() {
        UUID me = clinic.imsPractitioner(null);
        UUID colleague = clinic.imsPractitioner(null);
        UUID patient = createPatient();
        clinic.book(patient, me, clinic.imsService, at(visit, "09:00")); // the front desk puts them in my care
        String mine = as(Tokens.practitioner(me)).body(clinic.booking(patient, me, clinic.imsService, at(visit, "10:00")))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        as(Tokens.practitioner(me)).body(clinic.booking(createPatient(), colleague, clinic.imsService, at(visit, "11:00")))
                .post("/api/v1/appointments").then().statusCode(403).body("code", equalTo("forbidden"));
        String theirs = clinic.book(createPatient(), colleague, clinic.imsService, at(visit, "12:00"));

        as(Tokens.practitioner(me)).get("/api/v1/appointments/{id}", mine).then().statusCode(200);
        as(Tokens.practitioner(me)).get("/api/v1/appointments/{id}", theirs).then().statusCode(404)
                .body("patientId", org.hamcrest.Matchers.nullValue());
        List<String> listed = as(Tokens.practitioner(me)).queryParam("limit", "200").get("/api/v1/appointments")
                .then().statusCode(200).extract().path("items.id");
        assertThat(listed).contains(mine).doesNotContain(theirs);
        as(Tokens.practitioner(me)).queryParam("practitionerId", colleague.toString()).get("/api/v1/appointments")
                .then().statusCode(403);
        as(Tokens.practitioner(me)).body(Map.of("reason", "x")).post("/api/v1/appointments/{id}/cancel", mine)
                .then().statusCode(403);

        // the practitioner reads the patient in their care; the colleague does not
        as(Tokens.practitioner(me)).get("/api/v1/patients/{id}", patient).then().statusCode(200);
        as(Tokens.practitioner(colleague)).get("/api/v1/patients/{id}", patient).then().statusCode(404);
        as(Tokens.insurer(UUID.randomUUID())).get("/api/v1/appointments/{id}", mine).then().statusCode(403);
    }
}
