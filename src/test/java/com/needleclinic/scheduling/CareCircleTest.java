package com.needleclinic.scheduling;

import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.needleclinic.scheduling.Clinic.at;
import static com.needleclinic.scheduling.Clinic.inDays;
import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.createPatient;
import static org.hamcrest.Matchers.equalTo;

/**
 * The care circle (docs/rules.md): a practitioner reads a patient, and books for themself, only
 * when the front desk booked them a visit with that patient or a visit with them took place. A
 * practitioner's own booking opens nothing.
 */
@QuarkusTest
class CareCircleTest {

    private Clinic clinic;
    private UUID practitioner;
    private String token;

    @BeforeEach
    void setUp() {
        clinic = new Clinic();
        practitioner = clinic.imsPractitioner(null);
        token = Tokens.practitioner(practitioner);
    }

    private io.restassured.response.ValidatableResponse selfBook(UUID patient, String time) {
        return as(token).body(clinic.booking(patient, practitioner, clinic.imsService, at(inDays(6), time)))
                .post("/api/v1/appointments").then();
    }

    @Test
    void a_practitioner_cannot_open_a_strangers_chart_by_booking_them() {
        UUID stranger = createPatient();
        selfBook(stranger, "10:00").statusCode(403).body("code", equalTo("not-in-care"));
        as(token).get("/api/v1/patients/{id}", stranger).then().statusCode(404);
        as(token).get("/api/v1/patients/{id}/treatment-notes", stranger).then().statusCode(404);
        asAdmin().queryParam("patientId", stranger).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.find { it.outcome == 'DENIED' && it.resourceType == 'APPOINTMENT' }.action", equalTo("CREATE"));
    }

    @Test
    void a_visit_the_front_desk_booked_puts_the_patient_in_the_circle() {
        UUID patient = createPatient();
        clinic.book(patient, practitioner, clinic.imsService, at(inDays(5), "10:00"));
        as(token).get("/api/v1/patients/{id}", patient).then().statusCode(200).body("id", equalTo(patient.toString()));
        selfBook(patient, "11:00").statusCode(201).body("practitionerId", equalTo(practitioner.toString()));
    }

    @Test
    void the_circle_closes_when_the_only_desk_booked_visit_is_cancelled_and_self_bookings_do_not_keep_it_open() {
        UUID patient = createPatient();
        String deskBooked = clinic.book(patient, practitioner, clinic.imsService, at(inDays(5), "10:00"));
        selfBook(patient, "12:00").statusCode(201);
        asAdmin().body(Map.of("reason", "Moved away")).post("/api/v1/appointments/{id}/cancel", deskBooked).then()
                .statusCode(200);
        as(token).get("/api/v1/patients/{id}", patient).then().statusCode(404);
        selfBook(patient, "14:00").statusCode(403).body("code", equalTo("not-in-care"));
    }

    @Test
    void a_visit_that_took_place_keeps_the_patient_in_the_circle_whoever_booked_it() {
        clinic = Clinic.inTheMorning();
        practitioner = clinic.imsPractitioner(null);
        clinic.worksEveryDay(practitioner, "00:00", "23:59");
        token = Tokens.practitioner(practitioner);
        UUID patient = createPatient();
        String deskBooked = clinic.book(patient, practitioner, clinic.imsService, clinic.soon(0));
        String selfBooked = as(token).body(clinic.booking(patient, practitioner, clinic.imsService, clinic.soon(1)))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        asAdmin().post("/api/v1/appointments/{id}/check-in", selfBooked).then().statusCode(200);
        asAdmin().body(Map.of("reason", "Moved")).post("/api/v1/appointments/{id}/cancel", deskBooked).then().statusCode(200);
        as(token).get("/api/v1/patients/{id}", patient).then().statusCode(200);
    }
}
