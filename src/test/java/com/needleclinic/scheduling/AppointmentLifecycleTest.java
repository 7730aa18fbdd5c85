package com.needleclinic.scheduling;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.scheduling.Clinic.at;
import static com.needleclinic.scheduling.Clinic.inDays;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.createPatient;
import static com.needleclinic.support.Api.locationBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Rule 4: only BOOKED checks in or reschedules; BOOKED/CHECKED_IN cancel; no-show after start. */
@QuarkusTest
class AppointmentLifecycleTest {

    private Clinic clinic;
    private UUID practitioner;
    private final LocalDate visit = inDays(10);

    @BeforeEach
    void setUp() {
        clinic = new Clinic();
        practitioner = clinic.imsPractitioner(null);
    }

    private String booked(String time) {
        return clinic.book(createPatient(), practitioner, clinic.imsService, at(visit, time));
    }

    /** A visit in the next hours at a clinic where it is morning: one that can be checked in. */
    private static String bookedToday() {
        Clinic today = Clinic.inTheMorning();
        UUID someone = today.imsPractitioner(null);
        today.worksEveryDay(someone, "00:00", "23:59");
        return today.book(createPatient(), someone, today.imsService, today.soon(0));
    }

    @Test
    void check_in_is_for_the_day_of_the_visit() {
        act(booked("10:00"), "check-in", null).statusCode(409).body("code", equalTo("check-in-not-open"))
                .body("detail", org.hamcrest.Matchers.containsString("2 hours before"));
        act(bookedToday(), "check-in", null).statusCode(200).body("status", equalTo("CHECKED_IN"));
    }

    private ValidatableResponse act(String id, String action, Object body) {
        var request = asAdmin();
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/v1/appointments/{id}/" + action, id).then();
    }

    @Test
    void booked_then_checked_in_then_cancelled() {
        String id = bookedToday();
        act(id, "check-in", null).statusCode(200).body("status", equalTo("CHECKED_IN")).header("ETag", "\"1\"");
        act(id, "cancel", Map.of("reason", "Felt faint")).statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancellation.reason", equalTo("Felt faint"))
                .body("cancellation.at", notNullValue())
                .body("cancellation.late", equalTo(true)); // the same day: within 24 hours
    }

    @Test
    void only_booked_appointments_check_in_or_reschedule() {
        String id = bookedToday();
        act(id, "check-in", null).statusCode(200);
        act(id, "check-in", null).statusCode(409).body("code", equalTo("invalid-transition"));
        act(id, "reschedule", Map.of("start", at(visit, "11:00"))).statusCode(409)
                .body("code", equalTo("invalid-transition"));
    }

    @Test
    void a_cancelled_appointment_cannot_move_again() {
        String id = booked("10:00");
        act(id, "cancel", Map.of("reason", "Moved away")).statusCode(200);
        act(id, "cancel", Map.of("reason", "Again")).statusCode(409).body("code", equalTo("invalid-transition"));
        act(id, "check-in", null).statusCode(409).body("code", equalTo("invalid-transition"));
        act(id, "reschedule", Map.of("start", at(visit, "11:00"))).statusCode(409).body("code", equalTo("invalid-transition"));
        act(id, "no-show", null).statusCode(409).body("code", equalTo("invalid-transition"));
    }

    @Test
    void no_show_only_after_the_start() {
        String id = booked("10:00");
        act(id, "no-show", null).statusCode(409).body("code", equalTo("invalid-transition"))
                .body("detail", org.hamcrest.Matchers.containsString("after it starts"));
        asAdmin().get("/api/v1/appointments/{id}", id).then().body("status", equalTo("BOOKED"));
    }

    @Test
    void cancelling_less_than_24_hours_before_is_late() {
        clinic.worksEveryDay(practitioner, "00:00", "23:59");
        ZonedDateTime soon = ZonedDateTime.now(Clinic.ZONE).plusHours(2).truncatedTo(ChronoUnit.HOURS);
        if (soon.getHour() >= 23) {
            soon = soon.plusHours(2);
        }
        String id = clinic.book(createPatient(), practitioner, clinic.imsService, soon.toOffsetDateTime().toString());
        act(id, "cancel", Map.of("reason", "Overslept")).statusCode(200).body("cancellation.late", equalTo(true));
    }

    @Test
    void cancelling_needs_a_reason() {
        String id = booked("10:00");
        act(id, "cancel", Map.of("reason", " ")).statusCode(400).body("errors[0].field", equalTo("reason"));
        act(id, "cancel", null).statusCode(400).body("code", equalTo("validation-failed"));
    }

    @Test
    void a_stale_if_match_is_412_and_changes_nothing() {
        String id = bookedToday();
        act(id, "check-in", null).statusCode(200);
        asAdmin().header("If-Match", "\"0\"").body(Map.of("reason", "Late")).post("/api/v1/appointments/{id}/cancel", id)
                .then().statusCode(412).body("code", equalTo("precondition-failed"));
        asAdmin().header("If-Match", "\"1\"").body(Map.of("reason", "Late")).post("/api/v1/appointments/{id}/cancel", id)
                .then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));
    }

    @Test
    void unknown_appointment_is_404() {
        act(UUID.randomUUID().toString(), "check-in", null).statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void lists_filter_by_local_date_and_patient() {
        UUID patient = createPatient();
        String a = clinic.book(patient, practitioner, clinic.imsService, at(visit, "10:00"));
        String b = clinic.book(patient, practitioner, clinic.imsService, at(visit.plusDays(1), "10:00"));
        List<String> both = asAdmin().queryParam("patientId", patient.toString())
                .get("/api/v1/appointments").then().statusCode(200).extract().path("items.id");
        assertThat(both).containsExactly(a, b);
        List<String> second = asAdmin().queryParam("patientId", patient.toString())
                .queryParam("from", visit.plusDays(1).toString()).queryParam("to", visit.plusDays(1).toString())
                .get("/api/v1/appointments").then().statusCode(200).extract().path("items.id");
        assertThat(second).containsExactly(b);
    }

    @Test
    void lists_by_local_date_at_both_ends_of_the_world_s_time_zones() {
        Map<String, String> locations = Map.of("Pacific/Kiritimati", "00:00", "Pacific/Pago_Pago", "23:00");
        List<Map<String, Object>> entries = new ArrayList<>();
        Map<String, UUID> ids = new HashMap<>();
        locations.forEach((zone, opens) -> {
            Map<String, Object> body = locationBody();
            body.put("timeZone", zone);
            ids.put(zone, UUID.fromString(asAdmin().body(body).post("/api/v1/locations").then().statusCode(201)
                    .extract().path("id")));
            for (DayOfWeek day : DayOfWeek.values()) {
                entries.add(Map.of("locationId", ids.get(zone).toString(), "dayOfWeek", day.name(), "start", opens,
                        "end", opens.equals("00:00") ? "01:00" : "23:59"));
            }
        });
        asAdmin().body(Map.of("entries", entries)).put("/api/v1/practitioners/{id}/schedule", practitioner)
                .then().statusCode(200);
        // UTC+14 at 00:30 is the previous UTC day, UTC-11 at 23:00 the next one (and back to back
        // with the first: a day later there, 25 hours of offset apart)
        List<String> onVisit = new ArrayList<>();
        for (LocalDate date : List.of(visit.minusDays(1), visit, visit.plusDays(1))) {
            for (String zone : locations.keySet()) {
                String time = zone.equals("Pacific/Kiritimati") ? "00:30" : "23:00";
                Map<String, Object> body = clinic.booking(createPatient(), practitioner, clinic.imsService,
                        ZonedDateTime.of(date, LocalTime.parse(time), ZoneId.of(zone))
                                .toOffsetDateTime().toString());
                body.put("locationId", ids.get(zone).toString());
                String id = asAdmin().body(body).post("/api/v1/appointments").then().statusCode(201).extract().path("id");
                if (date.equals(visit)) {
                    onVisit.add(id);
                }
            }
        }
        List<String> listed = asAdmin().queryParam("practitionerId", practitioner.toString())
                .queryParam("from", visit.toString()).queryParam("to", visit.toString())
                .get("/api/v1/appointments").then().statusCode(200).extract().path("items.id");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(onVisit);
    }
}
