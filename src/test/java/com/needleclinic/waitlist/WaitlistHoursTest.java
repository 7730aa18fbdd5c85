package com.needleclinic.waitlist;

import com.needleclinic.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Waitlist offers at sane hours, and time already free offered to a new entry. The arithmetic is
 * OfferHoursTest's on pinned clocks; this holds the worker to it, at a location where it is night
 * now and at one whose hours close in ten minutes.
 */
@QuarkusTest
class WaitlistHoursTest {

    private record Clinic(UUID location, UUID service, UUID practitioner, ZoneId zone) {
    }

    /** A location in a zone where it is about {@code hour}:00 now, a practitioner who works all day there. */
    private static Clinic clinicAt(int hour, Map<String, Object> offerHours) {
        ZoneId zone = Api.zoneAt(hour);
        Map<String, Object> body = Api.locationBody();
        body.put("timeZone", zone.getId());
        if (offerHours == null) {
            body.remove("offerHours");
        } else {
            body.put("offerHours", offerHours);
        }
        UUID location = UUID.fromString(asAdmin().body(body).post("/api/v1/locations").then().statusCode(201)
                .extract().path("id"));
        UUID service = UUID.fromString(asAdmin().body(Api.serviceBody(null)).post("/api/v1/services").then()
                .statusCode(201).extract().path("id"));
        UUID practitioner = Api.createPractitioner();
        Api.worksEveryDay(practitioner, location, "00:00", "23:55");
        return new Clinic(location, service, practitioner, zone);
    }

    private static String wait(Clinic clinic, Instant latest) {
        return asAdmin().body(Map.of("patientId", Api.createPatient(), "serviceId", clinic.service(), "locationId",
                        clinic.location(), "earliest", OffsetDateTime.now().toString(), "latest", latest.toString()))
                .post("/api/v1/waitlist").then().statusCode(201).extract().path("id");
    }

    private static JsonPath entry(String id) {
        return asAdmin().get("/api/v1/waitlist/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitOffer(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonPath answer = entry(id);
        while (answer.getString("offerAppointmentId") == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = entry(id);
        }
        return answer;
    }

    @Test
    void at_night_time_already_free_waits_for_the_hours_and_is_offered_when_they_open() throws Exception {
        Clinic clinic = clinicAt(3, null);
        asAdmin().get("/api/v1/locations/{id}", clinic.location()).then().statusCode(200)
                .body("offerHours.start", equalTo("08:00")).body("offerHours.end", equalTo("20:00"));
        String id = wait(clinic, Instant.now().plus(Duration.ofDays(3)));
        Thread.sleep(1_500); // seven polls of the worker in tests
        assertThat(entry(id).getString("status")).isEqualTo("WAITING");
        assertThat(entry(id).getString("offerAppointmentId")).isNull();

        // The hours open (here: made round-the-clock): the time already free is offered, with no freeing change.
        asAdmin().body(Map.of("offerHours", Map.of("start", "00:00", "end", "00:00")))
                .patch("/api/v1/locations/{id}", clinic.location()).then().statusCode(200);
        JsonPath offered = awaitOffer(id);
        assertThat(offered.getString("status")).isEqualTo("OFFERED");
        assertThat(offered.getString("offerAppointmentId")).isNotNull();
    }

    @Test
    void a_hold_made_ten_minutes_before_the_hours_close_runs_on_into_the_next_mornings() throws Exception {
        ZoneId zone = Api.zoneAt(12);
        LocalTime now = LocalTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
        LocalTime closes = now.plusMinutes(10);
        Clinic clinic = clinicAt(12, Map.of("start", "08:00", "end", closes.toString()));
        String id = wait(clinic, Instant.now().plus(Duration.ofDays(3)));
        JsonPath offered = awaitOffer(id);
        assertThat(offered.getString("offerAppointmentId")).isNotNull();
        String hold = offered.getString("offerAppointmentId");
        OffsetDateTime expires = OffsetDateTime.parse(asAdmin().get("/api/v1/appointments/{id}", hold).then()
                .statusCode(200).extract().path("offerExpiresAt"));
        // 15 minutes: about 10 today, the other 5 from 08:00 tomorrow.
        LocalDate tomorrow = LocalDate.now(clinic.zone()).plusDays(1);
        assertThat(expires.atZoneSameInstant(clinic.zone()).toLocalDate()).isEqualTo(tomorrow);
        assertThat(expires.atZoneSameInstant(clinic.zone()).toLocalTime())
                .isBetween(LocalTime.of(8, 5), LocalTime.of(8, 6, 30));
        // The held slot starts after the hold ends: the patient has all of it to answer.
        OffsetDateTime start = OffsetDateTime.parse(asAdmin().get("/api/v1/appointments/{id}", hold).then()
                .extract().path("start"));
        assertThat(start).isAfterOrEqualTo(expires);
    }

    @Test
    void offer_hours_are_checked_and_never_cleared() {
        Clinic clinic = clinicAt(12, null);
        asAdmin().body(Map.of("offerHours", Map.of("start", "20:00", "end", "08:00")))
                .patch("/api/v1/locations/{id}", clinic.location()).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.startsWith("offerHours"));
        asAdmin().body("{\"offerHours\": null}").patch("/api/v1/locations/{id}", clinic.location()).then()
                .statusCode(400).body("errors[0].field", equalTo("offerHours"));
        asAdmin().body(Map.of("offerHours", Map.of("start", "8am", "end", "20:00")))
                .patch("/api/v1/locations/{id}", clinic.location()).then().statusCode(400);
        assertThat(List.of(asAdmin().get("/api/v1/locations/{id}", clinic.location()).then().extract()
                .<String>path("offerHours.end"))).containsExactly("20:00");
    }
}
