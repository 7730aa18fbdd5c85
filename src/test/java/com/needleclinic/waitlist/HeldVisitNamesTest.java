package com.needleclinic.waitlist;

import com.needleclinic.support.Api;
import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names follow the care circle (docs/security.md): a practitioner's list shows the hold a waitlist
 * offer placed in their calendar, but not whose it is while that patient is outside their circle,
 * just as {@code GET /patients/{id}} answers 404 for them.
 */
@QuarkusTest
class HeldVisitNamesTest {

    private static final ZoneId ZONE = ZoneId.of("America/Edmonton");

    @Test
    void a_practitioner_sees_the_time_of_a_hold_but_not_the_name_of_a_patient_they_do_not_treat() {
        Api.NeedlingClinic clinic = Api.needlingClinic(ZONE);
        LocalDate day = LocalDate.now(ZONE).plusWeeks(2);
        UUID treated = Api.createPatient();
        UUID waiting = Api.createPatient();
        String cancelled = book(clinic, treated, at(day, "09:00"));
        book(clinic, treated, at(day, "11:00"));
        String entry = asAdmin().body(Map.of("patientId", waiting.toString(), "serviceId", clinic.service().toString(),
                        "locationId", clinic.location().toString(), "earliest", at(day, "09:00"), "latest", at(day, "09:30")))
                .post("/api/v1/waitlist").then().statusCode(201).extract().path("id");
        asAdmin().body(Map.of("reason", "Flu")).post("/api/v1/appointments/{id}/cancel", cancelled).then().statusCode(200);
        awaitOffer(entry);

        String practitioner = Tokens.practitioner(clinic.practitioner());
        JsonPath list = as(practitioner).queryParam("status", "HELD,BOOKED").get("/api/v1/appointments")
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getString("items.find { it.status == 'HELD' }.patientId")).isEqualTo(waiting.toString());
        assertThat(list.getString("items.find { it.status == 'HELD' }.patientName")).isNull();
        assertThat(list.getString("items.find { it.status == 'BOOKED' }.patientName")).endsWith("Lovelace");
        as(practitioner).get("/api/v1/patients/{id}", waiting).then().statusCode(404);

        JsonPath desk = asAdmin().queryParam("practitionerId", clinic.practitioner()).queryParam("status", "HELD")
                .get("/api/v1/appointments").then().statusCode(200).extract().jsonPath();
        assertThat(desk.getString("items[0].patientName")).endsWith("Lovelace");
    }

    private static String at(LocalDate date, String time) {
        return ZonedDateTime.of(date, LocalTime.parse(time), ZONE).toOffsetDateTime().toString();
    }

    private static String book(Api.NeedlingClinic clinic, UUID patient, String start) {
        return asAdmin().body(Map.of("patientId", patient.toString(), "practitionerId", clinic.practitioner().toString(),
                        "serviceId", clinic.service().toString(), "locationId", clinic.location().toString(), "start", start))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
    }

    private static void awaitOffer(String entry) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"OFFERED".equals(asAdmin().get("/api/v1/waitlist/{id}", entry).then().extract().path("status"))) {
            assertThat(System.nanoTime()).as("offer made within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
