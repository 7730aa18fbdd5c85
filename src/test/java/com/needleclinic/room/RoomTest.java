package com.needleclinic.room;

import com.needleclinic.support.Api;
import com.needleclinic.support.Feed;
import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Rooms (docs/rules.md, "Rooms"): a visit that needs a bed gets one, and two visits never share one. */
@QuarkusTest
class RoomTest {

    private static final ZoneId ZONE = ZoneId.of("America/Edmonton");

    @Inject
    AgroalDataSource db;

    private UUID location;
    private UUID bedService;
    private UUID plainService;
    private final LocalDate day = LocalDate.now(ZONE).plusDays(9);

    @BeforeEach
    void clinic() {
        Map<String, Object> place = new HashMap<>(Api.locationBody());
        place.put("timeZone", ZONE.getId());
        location = UUID.fromString(asAdmin().body(place).post("/api/v1/locations").then().statusCode(201)
                .extract().path("id"));
        Map<String, Object> needling = Api.serviceBody(null);
        needling.put("requiredCapabilities", List.of("TREATMENT_BED"));
        bedService = UUID.fromString(asAdmin().body(needling).post("/api/v1/services").then().statusCode(201)
                .body("requiredCapabilities", contains("TREATMENT_BED")).extract().path("id"));
        plainService = UUID.fromString(asAdmin().body(Api.serviceBody(null)).post("/api/v1/services").then()
                .statusCode(201).body("requiredCapabilities", empty()).extract().path("id"));
    }

    private UUID room(String name, String... capabilities) {
        return UUID.fromString(asAdmin().body(Map.of("name", name, "capabilities", List.of(capabilities)))
                .post("/api/v1/locations/{id}/rooms", location).then().statusCode(201).extract().path("id"));
    }

    private UUID practitioner() {
        UUID practitioner = Api.createPractitioner();
        Api.worksEveryDay(practitioner, location, "08:00", "18:00");
        return practitioner;
    }

    private String at(String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), ZONE).toOffsetDateTime().toString();
    }

    private io.restassured.response.ValidatableResponse book(UUID practitioner, UUID service, String time, UUID roomId) {
        Map<String, Object> body = new HashMap<>(Map.of("patientId", Api.createPatient().toString(),
                "practitionerId", practitioner.toString(), "serviceId", service.toString(),
                "locationId", location.toString(), "start", at(time)));
        if (roomId != null) {
            body.put("roomId", roomId.toString());
        }
        return asAdmin().body(body).post("/api/v1/appointments").then();
    }

    @Test
    void a_visit_that_needs_a_bed_gets_a_room_with_one_and_a_plain_visit_gets_none() {
        room("Office", "PRIVATE");
        UUID bed = room("Bed 1", "TREATMENT_BED", "ELECTRICAL_STIMULATION");
        UUID practitioner = practitioner();

        book(practitioner, bedService, "09:00", null).statusCode(201).body("roomId", equalTo(bed.toString()))
                .body("attentionReasons", empty());
        book(practitioner, plainService, "10:00", null).statusCode(201).body("roomId", nullValue());
        asAdmin().get("/api/v1/locations/{id}/rooms", location).then().statusCode(200)
                .body("items.name", containsInAnyOrder("Office", "Bed 1"))
                .body("items.find { it.name == 'Bed 1' }.capabilities", contains("ELECTRICAL_STIMULATION", "TREATMENT_BED"));
    }

    @Test
    void one_bed_takes_visits_back_to_back_but_never_two_at_once() {
        UUID bed = room("Bed", "TREATMENT_BED");
        book(practitioner(), bedService, "09:00", null).statusCode(201).body("roomId", equalTo(bed.toString()));
        book(practitioner(), bedService, "09:30", null).statusCode(201).body("roomId", equalTo(bed.toString()));
        book(practitioner(), bedService, "09:15", null).statusCode(409).body("code", equalTo("no-room-available"));
        book(practitioner(), plainService, "09:15", null).statusCode(201).body("roomId", nullValue());
    }

    @Test
    void a_room_asked_for_is_held_or_refused() {
        UUID bed = room("Bed A", "TREATMENT_BED");
        UUID office = room("Office", "PRIVATE");
        UUID practitioner = practitioner();
        book(practitioner, bedService, "09:00", bed).statusCode(201).body("roomId", equalTo(bed.toString()));
        book(practitioner(), bedService, "09:00", bed).statusCode(409).body("code", equalTo("no-room-available"));
        book(practitioner(), bedService, "11:00", office).statusCode(409).body("code", equalTo("no-room-available"));
        book(practitioner(), plainService, "12:00", office).statusCode(201).body("roomId", equalTo(office.toString()));
        UUID elsewhere = UUID.fromString(asAdmin().body(Map.of("name", "Elsewhere bed", "capabilities", List.of("TREATMENT_BED")))
                .post("/api/v1/locations/{id}/rooms", UUID.fromString(asAdmin().body(Api.locationBody())
                        .post("/api/v1/locations").then().extract().path("id"))).then().statusCode(201).extract().path("id"));
        book(practitioner(), bedService, "13:00", elsewhere).statusCode(400).body("errors[0].field", equalTo("roomId"));
    }

    @Test
    void the_database_refuses_two_visits_in_one_room_at_once_whoever_writes_them() throws SQLException {
        UUID bed = room("Bed", "TREATMENT_BED");
        UUID first = UUID.fromString(book(practitioner(), bedService, "09:00", null).statusCode(201).extract().path("id"));
        assertThat(first).isNotNull();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into appointment (id,"
                + " patient_id, practitioner_id, service_id, location_id, start_at, end_at, local_date, status, version,"
                + " booked_by, room_id) values (?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED', 0, 'DESK', ?)")) {
            OffsetDateTime start = OffsetDateTime.parse(at("09:15")).withOffsetSameInstant(ZoneOffset.UTC);
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, Api.createPatient());
            s.setObject(3, practitioner());
            s.setObject(4, plainService);
            s.setObject(5, location);
            s.setObject(6, start);
            s.setObject(7, start.plusMinutes(30));
            s.setObject(8, day);
            s.setObject(9, bed);
            assertThatThrownBy(s::executeUpdate).isInstanceOf(SQLException.class)
                    .hasMessageContaining("appointment_room_no_overlap");
        }
    }

    @Test
    void availability_offers_a_slot_only_while_a_suitable_room_is_free() {
        room("Bed", "TREATMENT_BED");
        UUID busy = practitioner();
        UUID free = practitioner();
        book(busy, bedService, "09:00", null).statusCode(201);

        List<String> starts = asAdmin().queryParam("serviceId", bedService).queryParam("locationId", location)
                .queryParam("from", day.toString()).queryParam("to", day.toString()).queryParam("practitionerId", free)
                .queryParam("limit", 500).get("/api/v1/availability").then().statusCode(200).extract().jsonPath()
                .getList("items.start", String.class);
        List<OffsetDateTime> offered = starts.stream().map(OffsetDateTime::parse).toList();
        assertThat(offered).doesNotContain(OffsetDateTime.parse(at("09:00")), OffsetDateTime.parse(at("08:45")))
                .contains(OffsetDateTime.parse(at("08:30")), OffsetDateTime.parse(at("09:30")));
        List<String> plain = asAdmin().queryParam("serviceId", plainService).queryParam("locationId", location)
                .queryParam("from", day.toString()).queryParam("to", day.toString()).queryParam("practitionerId", free)
                .queryParam("limit", 500).get("/api/v1/availability").then().statusCode(200).extract().jsonPath()
                .getList("items.start", String.class);
        assertThat(plain.stream().map(OffsetDateTime::parse)).contains(OffsetDateTime.parse(at("09:00")));
    }

    @Test
    void a_bed_of_ones_own_is_taken_without_a_look_and_a_taken_or_deactivated_one_sends_the_booking_to_the_next() {
        room("Bed 1", "TREATMENT_BED");
        room("Bed 2", "TREATMENT_BED");
        UUID a = practitioner();
        UUID b = practitioner();
        String bedOfA = book(a, bedService, "08:00", null).statusCode(201).extract().path("roomId");
        String bedOfB = book(b, bedService, "08:00", null).statusCode(201).extract().path("roomId");
        assertThat(bedOfA).isNotEqualTo(bedOfB);

        // B's visit put in A's bed by hand: A's booking at that time claims its own bed, the exclusion
        // constraint refuses it, and the booking takes the bed that is free
        book(b, bedService, "09:00", UUID.fromString(bedOfA)).statusCode(201).body("roomId", equalTo(bedOfA));
        book(a, bedService, "09:00", null).statusCode(201).body("roomId", equalTo(bedOfB));

        // A's bed deactivated a moment ago (the home-room cache still names it): the suitability
        // trigger refuses it, and the booking takes the other bed; with that one taken too, no room
        asAdmin().body(Map.of("active", false)).patch("/api/v1/rooms/{id}", bedOfA).then().statusCode(200);
        book(a, bedService, "10:00", null).statusCode(201).body("roomId", equalTo(bedOfB));
        book(a, bedService, "11:00", UUID.fromString(bedOfB)).statusCode(201);
        book(a, bedService, "11:00", null).statusCode(409).body("code", equalTo("slot-unavailable"));
        book(b, bedService, "11:00", null).statusCode(409).body("code", equalTo("no-room-available"));
    }

    @Test
    void deactivating_a_room_flags_its_future_visits_and_says_which() {
        UUID bed = room("Bed", "TREATMENT_BED");
        long head = Feed.head(db);
        String visit = book(practitioner(), bedService, "09:00", null).statusCode(201).extract().path("id");

        asAdmin().body(Map.of("active", false)).patch("/api/v1/rooms/{id}", bed).then().statusCode(200)
                .body("active", equalTo(false)).body("affectedAppointmentIds", contains(visit));
        asAdmin().get("/api/v1/appointments/{id}", visit).then().statusCode(200)
                .body("roomId", equalTo(bed.toString())).body("attentionReasons", contains("ROOM_UNAVAILABLE"));
        asAdmin().queryParam("needsAttention", true).queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/v1/appointments").then().statusCode(200)
                .body("items.find { it.id == '" + visit + "' }.attentionReasons", contains("ROOM_UNAVAILABLE"));
        List<Map<String, Object>> events = Feed.about(head, visit, 2);
        assertThat(Feed.types(events)).containsExactly("appointment.booked", "appointment.needs_attention");
        assertThat(Feed.data(events.get(1))).containsEntry("attentionReasons", List.of("ROOM_UNAVAILABLE"));
        assertThat(Feed.types(Feed.about(head, bed, 1))).containsExactly("room.changed");

        asAdmin().body(Map.of("active", true)).patch("/api/v1/rooms/{id}", bed).then().statusCode(200)
                .body("affectedAppointmentIds", empty());
        asAdmin().get("/api/v1/appointments/{id}", visit).then().body("attentionReasons", empty());
    }

    @Test
    void rooms_are_written_by_admins_and_read_by_the_desk_with_checked_capabilities() {
        UUID bed = room("Bed", "TREATMENT_BED");
        as(Tokens.frontDesk()).get("/api/v1/rooms/{id}", bed).then().statusCode(200).body("name", equalTo("Bed"));
        as(Tokens.frontDesk()).body(Map.of("name", "Desk's room")).post("/api/v1/locations/{id}/rooms", location)
                .then().statusCode(403);
        as(Tokens.insurer(UUID.randomUUID())).get("/api/v1/rooms/{id}", bed).then().statusCode(403);
        asAdmin().body(Map.of("name", "Bad", "capabilities", List.of("treatment bed")))
                .post("/api/v1/locations/{id}/rooms", location).then().statusCode(400)
                .body("errors[0].field", equalTo("capabilities[0]"));
        asAdmin().body(Map.of("name", "bed")).post("/api/v1/locations/{id}/rooms", location).then().statusCode(409)
                .body("code", equalTo("duplicate-room-name"));
        asAdmin().body(Map.of("name", "Lab")).post("/api/v1/locations/{id}/rooms", UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void thirty_bookings_racing_for_the_last_bed_leave_exactly_one_visit_in_it() throws Exception {
        room("Only bed", "TREATMENT_BED");
        List<UUID> practitioners = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            practitioners.add(practitioner());
        }
        List<java.util.concurrent.CompletableFuture<io.restassured.response.Response>> racing = new ArrayList<>();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        for (UUID practitioner : practitioners) {
            UUID patient = Api.createPatient();
            racing.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return asAdmin().body(Map.of("patientId", patient.toString(), "practitionerId", practitioner.toString(),
                        "serviceId", bedService.toString(), "locationId", location.toString(), "start", at("14:00")))
                        .post("/api/v1/appointments");
            }, pool));
        }
        start.countDown();
        List<io.restassured.response.Response> answers = racing.stream().map(java.util.concurrent.CompletableFuture::join)
                .toList();
        pool.shutdown();
        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() != 201)
                .allSatisfy(r -> {
                    assertThat(r.statusCode()).isEqualTo(409);
                    assertThat(r.jsonPath().getString("code")).isEqualTo("no-room-available");
                });
        assertThat(com.needleclinic.support.Db.count(db, "select count(*) from appointment where location_id = ?"
                + " and status <> 'CANCELLED'", location)).isEqualTo(1);
    }
}
