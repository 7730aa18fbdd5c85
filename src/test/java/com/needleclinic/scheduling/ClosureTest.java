package com.needleclinic.scheduling;

import com.needleclinic.support.Api;
import com.needleclinic.support.Db;
import com.needleclinic.support.Feed;
import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
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
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Clinic-wide closures: nothing is booked, moved or offered into one; what one strands is flagged. */
@QuarkusTest
class ClosureTest {

    private static final ZoneId EDMONTON = ZoneId.of("America/Edmonton");

    @Inject
    AgroalDataSource db;

    private UUID location;
    private UUID service;
    private UUID practitioner;
    private UUID patient;

    @BeforeEach
    void clinic() {
        Api.NeedlingClinic clinic = Api.needlingClinic(EDMONTON);
        location = clinic.location();
        service = clinic.service();
        practitioner = clinic.practitioner();
        patient = Api.createPatient();
    }

    private static String at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), EDMONTON).toOffsetDateTime().toString();
    }

    /** The next 24 December at least eight days ahead, so a weekly course can start the week before. */
    private static LocalDate christmasEve() {
        LocalDate today = LocalDate.now(EDMONTON);
        LocalDate eve = LocalDate.of(today.getYear(), 12, 24);
        return eve.isAfter(today.plusDays(8)) ? eve : eve.plusYears(1);
    }

    private JsonPath close(LocalDate day, String reason) {
        return asAdmin().body(Map.of("start", at(day, "00:00"), "end", at(day.plusDays(1), "00:00"), "reason", reason))
                .post("/api/v1/locations/{id}/closures", location).then().statusCode(201).extract().jsonPath();
    }

    private io.restassured.response.ValidatableResponse book(LocalDate day, String time) {
        return asAdmin().body(Map.of("patientId", patient, "practitionerId", practitioner, "serviceId", service,
                "locationId", location, "start", at(day, time))).post("/api/v1/appointments").then();
    }

    @Test
    void a_course_through_christmas_refuses_the_closed_weeks_and_skip_books_the_rest() {
        LocalDate eve = christmasEve();
        close(eve, "Christmas Eve");
        close(eve.plusDays(7), "New Year's Eve");
        Map<String, Object> body = new HashMap<>(Map.of("patientId", patient.toString(), "practitionerId",
                practitioner.toString(), "serviceId", service.toString(), "locationId", location.toString(),
                "firstStart", at(eve.minusDays(7), "10:00"), "repeat", Map.of("intervalWeeks", 1, "count", 4)));

        JsonPath refused = asAdmin().body(body).post("/api/v1/appointment-series").then().statusCode(422)
                .body("code", equalTo("series-not-bookable")).extract().jsonPath();
        assertThat(refused.getList("occurrences.code", String.class)).containsExactly("location-closed", "location-closed");
        assertThat(refused.getList("occurrences.start", String.class).stream().map(OffsetDateTime::parse))
                .containsExactly(OffsetDateTime.parse(at(eve, "10:00")), OffsetDateTime.parse(at(eve.plusDays(7), "10:00")));
        assertThat(Db.count(db, "select count(*) from appointment where patient_id = ?", patient)).isZero();

        body.put("onConflict", "SKIP");
        JsonPath skipped = asAdmin().body(body).post("/api/v1/appointment-series").then().statusCode(201).extract().jsonPath();
        assertThat(skipped.getString("occurrences[1].problem.code")).isEqualTo("location-closed");
        assertThat(skipped.getString("occurrences[2].problem.code")).isEqualTo("location-closed");
        assertThat(skipped.getList("occurrences.appointmentId", String.class).stream().filter(java.util.Objects::nonNull))
                .hasSize(2);
        assertThat(Db.count(db, "select count(*) from appointment where patient_id = ? and status = 'BOOKED'", patient))
                .isEqualTo(2);
    }

    @Test
    void a_closed_day_refuses_a_booking_and_a_move_and_offers_no_slot() {
        LocalDate eve = christmasEve();
        String closure = close(eve, "Christmas Eve").getString("id");
        book(eve, "10:00").statusCode(422).body("code", equalTo("location-closed"));
        String visit = book(eve.minusDays(1), "10:00").statusCode(201).extract().path("id");
        asAdmin().body(Map.of("start", at(eve, "11:00"))).post("/api/v1/appointments/{id}/reschedule", visit).then()
                .statusCode(422).body("code", equalTo("location-closed"));
        asAdmin().queryParam("serviceId", service).queryParam("locationId", location).queryParam("from", eve.toString())
                .queryParam("to", eve.toString()).get("/api/v1/availability").then().statusCode(200)
                .body("items", empty());
        String firstNextDay = asAdmin().queryParam("serviceId", service).queryParam("locationId", location)
                .queryParam("from", eve.plusDays(1).toString()).queryParam("to", eve.plusDays(1).toString())
                .get("/api/v1/availability").then().statusCode(200).extract().path("items[0].start");
        assertThat(OffsetDateTime.parse(firstNextDay)).isEqualTo(OffsetDateTime.parse(at(eve.plusDays(1), "08:00")));

        // The database refuses it too, whatever the Java check saw.
        assertThatThrownBy(() -> Db.count(db, "with m as (update appointment set start_at = start_at + interval '1 day',"
                + " end_at = end_at + interval '1 day' where id = ?::uuid returning 1) select count(*) from m", visit))
                .rootCause().hasMessageContaining("appointment_outside_closure");

        as(Tokens.frontDesk()).get("/api/v1/locations/{id}/closures", location).then().statusCode(200)
                .body("items.id", contains(closure)).body("items[0].reason", equalTo("Christmas Eve"));
        asAdmin().delete("/api/v1/locations/{id}/closures/{c}", location, closure).then().statusCode(204);
        book(eve, "10:00").statusCode(201);
        asAdmin().delete("/api/v1/locations/{id}/closures/{c}", location, closure).then().statusCode(404);
    }

    @Test
    void a_closure_over_booked_visits_flags_each_and_says_which() {
        LocalDate day = christmasEve().minusDays(3);
        String visit = book(day, "09:00").statusCode(201).extract().path("id");
        String later = book(day.plusDays(1), "09:00").statusCode(201).extract().path("id");
        long head = Feed.head(db);
        asAdmin().body(Map.of("start", at(day, "00:00"), "end", at(day.plusDays(1), "00:00"), "reason", "Burst pipe"))
                .post("/api/v1/locations/{id}/closures", location).then().statusCode(201)
                .body("affectedAppointmentIds", contains(visit))
                .body("start", org.hamcrest.Matchers.startsWith(day + "T00:00"));
        asAdmin().get("/api/v1/appointments/{id}", visit).then().statusCode(200)
                .body("attentionReasons", contains("LOCATION_CLOSED"));
        asAdmin().get("/api/v1/appointments/{id}", later).then().statusCode(200).body("attentionReasons", empty());
        asAdmin().queryParam("needsAttention", true).queryParam("locationId", location).get("/api/v1/appointments").then()
                .statusCode(200).body("items.id", contains(visit));
        List<Map<String, Object>> events = Feed.about(head, visit, 1);
        assertThat(Feed.types(events)).containsExactly("appointment.needs_attention");
        assertThat(Feed.data(events.get(0))).containsEntry("attentionReasons", List.of("LOCATION_CLOSED"));
        // The flagged visit can still be cancelled.
        asAdmin().body(Map.of("reason", "Closed")).post("/api/v1/appointments/{id}/cancel", visit).then().statusCode(200);
    }

    @Test
    void closures_never_overlap_and_only_admins_write_them() {
        LocalDate eve = christmasEve();
        close(eve, "Christmas Eve");
        asAdmin().body(Map.of("start", at(eve, "12:00"), "end", at(eve.plusDays(2), "00:00"), "reason", "Boxing Day"))
                .post("/api/v1/locations/{id}/closures", location).then().statusCode(409)
                .body("code", equalTo("closure-overlaps"));
        asAdmin().body(Map.of("start", at(eve, "12:00"), "end", at(eve, "11:00"), "reason", "Backwards"))
                .post("/api/v1/locations/{id}/closures", location).then().statusCode(400)
                .body("errors.field", contains("end"));
        as(Tokens.frontDesk()).body(Map.of("start", at(eve.plusDays(3), "00:00"), "end", at(eve.plusDays(4), "00:00"),
                "reason", "Desk's idea")).post("/api/v1/locations/{id}/closures", location).then().statusCode(403);
        asAdmin().body(Map.of("start", at(eve, "00:00"), "end", at(eve.plusDays(1), "00:00"), "reason", "Elsewhere"))
                .post("/api/v1/locations/{id}/closures", UUID.randomUUID()).then().statusCode(404);
    }
}
