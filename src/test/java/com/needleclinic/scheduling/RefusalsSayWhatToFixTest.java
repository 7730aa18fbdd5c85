package com.needleclinic.scheduling;

import com.needleclinic.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A refusal names what to change: the visit in the way, the practitioner's hours that day. */
@QuarkusTest
class RefusalsSayWhatToFixTest {

    private static final ZoneId EDMONTON = ZoneId.of("America/Edmonton");

    private UUID location;
    private UUID service;
    private UUID practitioner;
    private final LocalDate day = LocalDate.now(EDMONTON).plusDays(10);

    @BeforeEach
    void clinic() {
        Api.NeedlingClinic clinic = Api.needlingClinic(EDMONTON);
        location = clinic.location();
        service = clinic.service();
        practitioner = clinic.practitioner();
    }

    private static String at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), EDMONTON).toOffsetDateTime().toString();
    }

    private io.restassured.response.ValidatableResponse book(UUID patient, UUID with, LocalDate on, String time) {
        return asAdmin().body(Map.of("patientId", patient, "practitionerId", with, "serviceId", service,
                "locationId", location, "start", at(on, time))).post("/api/v1/appointments").then();
    }

    @Test
    void an_overlap_names_the_visit_in_the_way_for_the_practitioner_and_for_the_patient() {
        UUID patient = Api.createPatient();
        String first = book(patient, practitioner, day, "10:00").statusCode(201).extract().path("id");
        book(Api.createPatient(), practitioner, day, "10:15").statusCode(409).body("code", equalTo("slot-unavailable"))
                .body("blockingAppointmentId", equalTo(first)).body("detail", containsString("blockingAppointmentId"));

        UUID colleague = Api.createPractitioner();
        Api.certify(colleague, "IMS", "2020-01-01", null, "ACTIVE");
        Api.worksEveryDay(colleague, location, "08:00", "18:00");
        book(patient, colleague, day, "09:45").statusCode(409).body("code", equalTo("patient-double-booked"))
                .body("blockingAppointmentId", equalTo(first));

        String moved = book(Api.createPatient(), practitioner, day, "12:00").statusCode(201).extract().path("id");
        asAdmin().body(Map.of("start", at(day, "10:00"))).post("/api/v1/appointments/{id}/reschedule", moved).then()
                .statusCode(409).body("blockingAppointmentId", equalTo(first));
    }

    @Test
    void a_course_names_the_visit_that_blocks_each_refused_week() {
        UUID other = Api.createPatient();
        String inTheWay = book(other, practitioner, day.plusWeeks(1), "10:00").statusCode(201).extract().path("id");
        Map<String, Object> body = new HashMap<>(Map.of("patientId", Api.createPatient().toString(), "practitionerId",
                practitioner.toString(), "serviceId", service.toString(), "locationId", location.toString(),
                "firstStart", at(day, "10:00"), "repeat", Map.of("intervalWeeks", 1, "count", 3)));
        asAdmin().body(body).post("/api/v1/appointment-series").then().statusCode(422)
                .body("occurrences.code", contains("slot-unavailable"))
                .body("occurrences[0].blockingAppointmentId", equalTo(inTheWay));
        body.put("onConflict", "SKIP");
        asAdmin().body(body).post("/api/v1/appointment-series").then().statusCode(201)
                .body("occurrences[1].problem.blockingAppointmentId", equalTo(inTheWay))
                .body("occurrences[0].problem", nullValue());
    }

    @Test
    void outside_the_schedule_says_the_practitioners_hours_that_day() {
        UUID parttime = Api.createPractitioner();
        Api.certify(parttime, "IMS", "2020-01-01", null, "ACTIVE");
        List<Map<String, Object>> entries = List.of(
                Map.of("locationId", location.toString(), "dayOfWeek", day.getDayOfWeek().name(), "start", "13:00", "end", "17:00"),
                Map.of("locationId", location.toString(), "dayOfWeek", day.getDayOfWeek().name(), "start", "08:00", "end", "11:00"));
        asAdmin().body(Map.of("entries", entries)).put("/api/v1/practitioners/{id}/schedule", parttime).then().statusCode(200);
        book(Api.createPatient(), parttime, day, "11:45").statusCode(422).body("code", equalTo("outside-availability"))
                .body("workingHours.start", contains("08:00", "13:00")).body("workingHours.end", contains("11:00", "17:00"))
                .body("detail", containsString("08:00-11:00, 13:00-17:00"));
        book(Api.createPatient(), parttime, day.plusDays(1), "09:00").statusCode(422)
                .body("workingHours", org.hamcrest.Matchers.empty()).body("detail", containsString("choose another day"));
    }
}
