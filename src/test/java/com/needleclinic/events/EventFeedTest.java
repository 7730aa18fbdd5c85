package com.needleclinic.events;

import com.needleclinic.support.Api;
import com.needleclinic.support.Db;
import com.needleclinic.support.Feed;
import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The outbox and the feed (docs/events.md): one event per change, in its transaction, in sequence order. */
@QuarkusTest
class EventFeedTest {

    private static final ZoneId ZONE = ZoneId.of("America/Edmonton");

    @Inject
    AgroalDataSource db;
    @Inject
    EventLog eventLog;

    private UUID location;
    private UUID service;
    private UUID practitioner;
    private UUID patient;
    private long head;

    @BeforeEach
    void clinic() {
        Map<String, Object> place = new HashMap<>(Api.locationBody());
        place.put("timeZone", ZONE.getId());
        location = UUID.fromString(asAdmin().body(place).post("/api/v1/locations").then().statusCode(201)
                .extract().path("id"));
        service = UUID.fromString(asAdmin().body(Api.serviceBody("IMS")).post("/api/v1/services").then().statusCode(201)
                .extract().path("id"));
        practitioner = Api.createPractitioner();
        Api.certify(practitioner, "IMS", "2020-01-01", null, "ACTIVE");
        Api.worksEveryDay(practitioner, location, "08:00", "18:00");
        patient = Api.createPatient();
        head = Feed.head(db);
    }

    private String start(int days, String time) {
        return ZonedDateTime.of(LocalDate.now(ZONE).plusDays(days), java.time.LocalTime.parse(time), ZONE)
                .toOffsetDateTime().toString();
    }

    private String book(String start) {
        return asAdmin().body(Map.of("patientId", patient.toString(), "practitionerId", practitioner.toString(),
                        "serviceId", service.toString(), "locationId", location.toString(), "start", start))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
    }

    @Test
    void each_appointment_change_is_one_event_with_ids_times_in_the_location_offset_and_no_reason() {
        String id = book(start(10, "09:00"));
        asAdmin().body(Map.of("start", start(10, "11:00"))).post("/api/v1/appointments/{id}/reschedule", id)
                .then().statusCode(200);
        asAdmin().body(Map.of("reason", "PRIVATE-REASON-TEXT")).post("/api/v1/appointments/{id}/cancel", id)
                .then().statusCode(200);

        List<Map<String, Object>> events = Feed.about(head, id, 3);
        assertThat(Feed.types(events)).containsExactly("appointment.booked", "appointment.rescheduled",
                "appointment.cancelled");
        Map<String, Object> booked = events.get(0);
        assertThat(booked).containsEntry("resourceType", "APPOINTMENT").containsEntry("patientId", patient.toString());
        assertThat(Feed.data(booked)).containsEntry("appointmentId", id)
                .containsEntry("practitionerId", practitioner.toString()).containsEntry("status", "BOOKED");
        assertThat(time(booked, "start")).isEqualTo(start(10, "09:00"));
        assertThat((String) Feed.data(booked).get("start")).endsWith(time(booked, "start").substring(16));
        assertThat(time(events.get(1), "previousStart")).isEqualTo(start(10, "09:00"));
        assertThat(time(events.get(1), "start")).isEqualTo(start(10, "11:00"));
        assertThat(Feed.data(events.get(2))).containsEntry("status", "CANCELLED").containsEntry("late", false);
        assertThat(events.toString()).doesNotContain("PRIVATE-REASON-TEXT");
        List<Long> sequences = events.stream().map(e -> ((Number) e.get("sequence")).longValue()).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
    }

    /** A time of the event's data as written (with the location's offset), in the form this test builds them. */
    private static String time(Map<String, Object> event, String field) {
        return java.time.OffsetDateTime.parse((String) Feed.data(event).get(field)).toString();
    }

    @Test
    void a_visit_missed_is_announced_as_a_no_show() throws Exception {
        UUID id = UUID.randomUUID();
        java.time.Instant started = java.time.Instant.now().minus(java.time.Duration.ofHours(1))
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        try (var c = db.getConnection(); var s = c.prepareStatement("insert into appointment (id, patient_id,"
                + " practitioner_id, service_id, location_id, start_at, end_at, local_date, status, version, booked_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED', 0, 'DESK')")) {
            s.setObject(1, id);
            s.setObject(2, patient);
            s.setObject(3, practitioner);
            s.setObject(4, service);
            s.setObject(5, location);
            s.setObject(6, started.atOffset(java.time.ZoneOffset.UTC));
            s.setObject(7, started.plusSeconds(1800).atOffset(java.time.ZoneOffset.UTC));
            s.setObject(8, started.atZone(ZONE).toLocalDate());
            s.executeUpdate();
        }
        asAdmin().post("/api/v1/appointments/{id}/no-show", id).then().statusCode(200);

        List<Map<String, Object>> events = Feed.about(head, id, 1);
        assertThat(Feed.types(events)).containsExactly("appointment.no_show");
        assertThat(Feed.data(events.get(0))).containsEntry("status", "NO_SHOW");
    }

    @Test
    void a_refused_change_writes_no_event() {
        String id = book(start(11, "09:00"));
        asAdmin().body(Map.of("patientId", Api.createPatient().toString(), "practitionerId", practitioner.toString(),
                        "serviceId", service.toString(), "locationId", location.toString(), "start", start(11, "09:00")))
                .post("/api/v1/appointments").then().statusCode(409);
        asAdmin().post("/api/v1/appointments/{id}/check-in", id).then().statusCode(409);

        assertThat(Feed.types(Feed.about(head, id, 1))).containsExactly("appointment.booked");
        assertThat(Feed.after(head).stream().filter(e -> practitioner.toString().equals(Feed.data(e).get("practitionerId"))))
                .hasSize(1);
    }

    @Test
    void an_event_rolled_back_with_its_transaction_never_reaches_the_feed() {
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                eventLog.emit(EventEntry.of(EventType.PATIENT_UPDATED, "PATIENT", rolledBack, rolledBack, Map.of()));
                throw new IllegalStateException("the change fails after its event was written");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        QuarkusTransaction.requiringNew().run(() ->
                eventLog.emit(EventEntry.of(EventType.PATIENT_UPDATED, "PATIENT", committed, committed, Map.of())));

        assertThat(Feed.about(head, committed, 1)).hasSize(1);
        assertThat(Feed.after(head)).noneMatch(e -> rolledBack.toString().equals(e.get("resourceId")));
        assertThat(Db.count(db, "select count(*) from event where resource_id = ?", rolledBack)).isZero();
    }

    @Test
    void patients_and_certifications_announce_their_changes_and_the_visits_a_certification_no_longer_covers() {
        UUID certification = Api.certify(practitioner, "DRY_NEEDLING", "2020-01-01", null, "ACTIVE");
        String id = book(start(12, "09:00"));
        UUID ims = UUID.fromString(asAdmin().get("/api/v1/practitioners/{id}/certifications", practitioner).then()
                .extract().jsonPath().getList("items.findAll { it.modality == 'IMS' }.id", String.class).get(0));
        asAdmin().body(Map.of("status", "SUSPENDED")).patch("/api/v1/practitioners/{p}/certifications/{c}", practitioner, ims)
                .then().statusCode(200);
        asAdmin().body(Map.of("phone", "+1 780 555 0101")).patch("/api/v1/patients/{id}", patient).then().statusCode(200);

        assertThat(Feed.about(head, certification, 1)).extracting(e -> e.get("type")).containsExactly("certification.changed");
        Map<String, Object> suspended = Feed.about(head, ims, 1).get(0);
        assertThat(Feed.data(suspended)).containsEntry("status", "SUSPENDED").containsEntry("uncoveredAppointmentIds", List.of(id));
        List<Map<String, Object>> flagged = Feed.about(head, id, 2);
        assertThat(Feed.types(flagged)).containsExactly("appointment.booked", "appointment.needs_attention");
        assertThat(Feed.data(flagged.get(1))).containsEntry("attentionReasons", List.of("PRACTITIONER_NOT_CERTIFIED"));
        List<Map<String, Object>> updated = Feed.about(head, patient, 1);
        assertThat(Feed.types(updated)).containsExactly("patient.updated");
        // Ids and the version only (event ids are time-ordered hex: a digit run such as 555 may be in them).
        assertThat(Feed.data(updated.get(0))).containsOnlyKeys("patientId", "version");
        assertThat(updated.toString()).doesNotContain("780 555").doesNotContain("Gunn");
    }

    @Test
    void pages_follow_the_sequence_and_a_types_filter_skips_what_does_not_match() {
        String first = book(start(13, "09:00"));
        String second = book(start(13, "10:00"));
        asAdmin().body(Map.of("reason", "x")).post("/api/v1/appointments/{id}/cancel", first).then().statusCode(200);
        Feed.about(head, first, 2);
        Feed.about(head, second, 1);

        var onlyCancelled = asAdmin().queryParam("after", head).queryParam("types", "appointment.cancelled")
                .get("/api/v1/events").then().statusCode(200).extract().jsonPath();
        assertThat(onlyCancelled.getList("items.type", String.class)).containsOnly("appointment.cancelled");
        assertThat(onlyCancelled.getList("items.resourceId", String.class)).contains(first).doesNotContain(second);

        var one = asAdmin().queryParam("after", head).queryParam("limit", 1).get("/api/v1/events").then().statusCode(200)
                .body("items", hasSize(1)).extract().jsonPath();
        long sequence = one.getLong("items[0].sequence");
        assertThat(one.getLong("lastSequence")).isEqualTo(sequence);
        asAdmin().queryParam("after", sequence).queryParam("limit", 1).get("/api/v1/events").then()
                .body("items[0].sequence", equalTo((int) sequence + 1));
    }

    @Test
    void a_long_poll_answers_as_soon_as_an_event_arrives_and_an_empty_page_when_none_does() throws Exception {
        long before = Feed.after(head).stream().mapToLong(e -> ((Number) e.get("sequence")).longValue()).max().orElse(head);
        long pollStarted = System.nanoTime();
        CompletableFuture<List<String>> poll = CompletableFuture.supplyAsync(() -> asAdmin()
                .queryParam("after", Feed.head(db)).queryParam("waitSeconds", 20).queryParam("types", "appointment.booked")
                .get("/api/v1/events").then().statusCode(200).extract().jsonPath().getList("items.resourceId", String.class));
        Thread.sleep(700);
        String id = book(start(14, "09:00"));
        assertThat(poll.get()).contains(id);
        assertThat((System.nanoTime() - pollStarted) / 1_000_000).isLessThan(10_000);

        long waited = System.nanoTime();
        asAdmin().queryParam("after", before).queryParam("types", "room.changed").queryParam("waitSeconds", 1)
                .get("/api/v1/events").then().statusCode(200).body("items", hasSize(0));
        assertThat((System.nanoTime() - waited) / 1_000_000).isBetween(900L, 5_000L);
    }

    @Test
    void the_feed_is_for_admins_checks_its_parameters_and_is_audited() {
        as(Tokens.frontDesk()).get("/api/v1/events").then().statusCode(403);
        asAdmin().queryParam("types", "appointment.bookd").get("/api/v1/events").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("errors[0].field", equalTo("types"));
        asAdmin().queryParam("waitSeconds", 31).get("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("waitSeconds"));
        asAdmin().queryParam("after", -1).get("/api/v1/events").then().statusCode(400);
        asAdmin().queryParam("since", 1).get("/api/v1/events").then().statusCode(400);

        String id = book(start(15, "09:00"));
        Feed.about(head, id, 1);
        asAdmin().queryParam("patientId", patient).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.findAll { it.resourceType == 'EVENT' && it.action == 'SEARCH' }.size()",
                        org.hamcrest.Matchers.greaterThan(0));
    }
}
