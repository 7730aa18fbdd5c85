package com.needleclinic.scheduling;

import com.needleclinic.support.Api;
import com.needleclinic.support.Db;
import com.needleclinic.support.Feed;
import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A location's day as the desk reads it: by location and room, the desk's note, availability from a time of day. */
@QuarkusTest
class LocationDayTest {

    @Inject
    AgroalDataSource db;

    private final ZoneId zone = ZoneId.of("America/Vancouver");
    private final LocalDate day = LocalDate.now(zone).plusDays(3);

    private String at(String time) {
        return day.atTime(java.time.LocalTime.parse(time)).atZone(zone).toOffsetDateTime().toString();
    }

    private UUID location() {
        Map<String, Object> body = Api.locationBody();
        body.put("address", Map.of("line1", "2150 W Broadway", "city", "Vancouver", "postalCode", "v6k 4l9"));
        body.put("phone", "604-555-0142");
        body.put("businessNumber", "123456789 RT 0001");
        return UUID.fromString(asAdmin().body(body).post("/api/v1/locations").then().statusCode(201)
                .body("address.postalCode", equalTo("V6K 4L9")).body("businessNumber", equalTo("123456789RT0001"))
                .extract().path("id"));
    }

    private String book(UUID patient, UUID practitioner, UUID service, UUID location, String time, String note) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("patientId", patient, "practitionerId", practitioner,
                "serviceId", service, "locationId", location, "start", at(time)));
        if (note != null) {
            body.put("deskNote", note);
        }
        return asAdmin().body(body).post("/api/v1/appointments").then().statusCode(201).extract().path("id");
    }

    @Test
    void the_desk_lists_a_locations_day_and_reads_its_notes_which_never_reach_events() {
        UUID here = location();
        UUID elsewhere = location();
        UUID service = UUID.fromString(asAdmin().body(Api.serviceBody(null)).post("/api/v1/services").then()
                .statusCode(201).extract().path("id"));
        UUID practitioner = Api.createPractitioner();
        List<Map<String, Object>> entries = new java.util.ArrayList<>();
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            entries.add(Map.of("locationId", here.toString(), "dayOfWeek", d.name(), "start", "08:00", "end", "12:00"));
            entries.add(Map.of("locationId", elsewhere.toString(), "dayOfWeek", d.name(), "start", "13:00", "end", "17:00"));
        }
        asAdmin().body(Map.of("entries", entries)).put("/api/v1/practitioners/{id}/schedule", practitioner).then()
                .statusCode(200);
        UUID patient = Api.createPatient();
        long head = Feed.head(db);
        String first = book(patient, practitioner, service, here, "09:00", "Left shoulder, first visit DESKNOTE");
        String other = book(patient, practitioner, service, elsewhere, "14:00", null);

        as(Tokens.frontDesk()).queryParam("locationId", here).queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/appointments").then().statusCode(200).body("items.id", contains(first))
                .body("items[0].deskNote", equalTo("Left shoulder, first visit DESKNOTE"));
        as(Tokens.frontDesk()).queryParam("locationId", elsewhere).queryParam("from", day.toString())
                .get("/api/v1/appointments").then().statusCode(200).body("items.id", contains(other))
                .body("items[0].deskNote", nullValue());
        as(Tokens.practitioner(practitioner)).get("/api/v1/appointments/{id}", first).then().statusCode(200)
                .body("deskNote", equalTo("Left shoulder, first visit DESKNOTE"));

        as(Tokens.frontDesk()).header("If-Match", "\"0\"").body(Map.of("deskNote", "Bring imaging DESKNOTE"))
                .patch("/api/v1/appointments/{id}", first).then().statusCode(200).header("ETag", "\"1\"")
                .body("deskNote", equalTo("Bring imaging DESKNOTE"));
        as(Tokens.frontDesk()).body("{}").patch("/api/v1/appointments/{id}", first).then().statusCode(200)
                .body("deskNote", equalTo("Bring imaging DESKNOTE"));
        as(Tokens.frontDesk()).body(Map.of("start", at("10:00"))).patch("/api/v1/appointments/{id}", first).then()
                .statusCode(400);
        as(Tokens.frontDesk()).body("{\"deskNote\": \"" + "x".repeat(501) + "\"}").patch("/api/v1/appointments/{id}", first)
                .then().statusCode(400).body("errors[0].field", equalTo("deskNote"));
        as(Tokens.practitioner(practitioner)).body(Map.of("deskNote", "mine")).patch("/api/v1/appointments/{id}", first)
                .then().statusCode(403);
        asAdmin().body("{\"deskNote\": null}").patch("/api/v1/appointments/{id}", first).then().statusCode(200)
                .body("deskNote", nullValue());
        assertThat(Db.count(db, "select count(*) from audit_event where action = 'UPDATE' and outcome = 'SUCCESS' and resource_id = ?::uuid",
                first)).isEqualTo(3);

        List<Map<String, Object>> events = Feed.about(head, first, 1);
        assertThat(events.toString()).doesNotContain("DESKNOTE").doesNotContain("deskNote");

        // What a reminder needs rides in the event: no look-ups but the patient's contact.
        Map<String, Object> booked = Feed.data(events.get(0));
        String practitionerName = asAdmin().get("/api/v1/practitioners/{id}", practitioner).then().extract().path("firstName")
                + " " + asAdmin().get("/api/v1/practitioners/{id}", practitioner).then().extract().path("lastName");
        assertThat(booked).containsEntry("practitionerName", practitionerName)
                .containsEntry("serviceName", "IMS follow-up, 30 min").containsEntry("roomName", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> place = (Map<String, Object>) booked.get("location");
        assertThat(place).containsEntry("name", "Kitsilano").containsEntry("phone", "604-555-0142");
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) place.get("address");
        assertThat(address).containsEntry("line1", "2150 W Broadway").containsEntry("line2", null)
                .containsEntry("city", "Vancouver").containsEntry("province", "BC").containsEntry("postalCode", "V6K 4L9");
        String patientName = asAdmin().get("/api/v1/patients/{id}", patient).then().extract().path("firstName");
        assertThat(events.toString()).doesNotContain(patientName);
    }

    @Test
    void a_rooms_day_lists_the_visits_that_hold_it() {
        UUID here = location();
        String room = asAdmin().body(Map.of("name", "Bed A", "capabilities", List.of("TREATMENT_BED")))
                .post("/api/v1/locations/{id}/rooms", here).then().statusCode(201).extract().path("id");
        Map<String, Object> bedBody = Api.serviceBody(null);
        bedBody.put("requiredCapabilities", List.of("TREATMENT_BED"));
        UUID bedService = UUID.fromString(asAdmin().body(bedBody).post("/api/v1/services").then().statusCode(201)
                .extract().path("id"));
        UUID plain = UUID.fromString(asAdmin().body(Api.serviceBody(null)).post("/api/v1/services").then()
                .statusCode(201).extract().path("id"));
        UUID a = Api.createPractitioner();
        UUID b = Api.createPractitioner();
        Api.worksEveryDay(a, here, "08:00", "12:00");
        Api.worksEveryDay(b, here, "08:00", "12:00");
        String inBed = book(Api.createPatient(), a, bedService, here, "09:00", null);
        book(Api.createPatient(), b, plain, here, "09:00", null);
        asAdmin().queryParam("roomId", room).queryParam("from", day.toString()).get("/api/v1/appointments").then()
                .statusCode(200).body("items.id", contains(inBed));
        asAdmin().queryParam("locationId", here).queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/appointments").then().statusCode(200).body("items.size()", equalTo(2));
        asAdmin().queryParam("roomId", "not-a-uuid").get("/api/v1/appointments").then().statusCode(400)
                .body("errors[0].field", equalTo("roomId"));
    }

    @Test
    void availability_starts_from_a_time_of_day_on_the_first_day_only() {
        UUID here = location();
        UUID service = UUID.fromString(asAdmin().body(Api.serviceBody(null)).post("/api/v1/services").then()
                .statusCode(201).extract().path("id"));
        UUID practitioner = Api.createPractitioner();
        Api.worksEveryDay(practitioner, here, "08:00", "18:00");
        List<String> starts = asAdmin().queryParam("serviceId", service).queryParam("locationId", here)
                .queryParam("from", day.toString()).queryParam("to", day.plusDays(1).toString())
                .queryParam("fromTime", "16:00").queryParam("limit", 500).get("/api/v1/availability").then()
                .statusCode(200).extract().jsonPath().getList("items.start", String.class);
        List<OffsetDateTime> offered = starts.stream().map(OffsetDateTime::parse).toList();
        assertThat(offered.get(0)).isEqualTo(OffsetDateTime.parse(at("16:00")));
        assertThat(offered).noneMatch(s -> s.isBefore(OffsetDateTime.parse(at("16:00"))));
        assertThat(offered).contains(OffsetDateTime.parse(at("08:00")).plusDays(1));
        asAdmin().queryParam("serviceId", service).queryParam("locationId", here).queryParam("from", day.toString())
                .queryParam("fromTime", "25:00").get("/api/v1/availability").then().statusCode(400)
                .body("errors[0].field", equalTo("fromTime"));
    }
}
