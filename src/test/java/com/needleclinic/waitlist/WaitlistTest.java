package com.needleclinic.waitlist;

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

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** The waitlist (docs/rules.md, "Waitlist and offers"): who is offered a freed slot, and that one slot is one offer. */
@QuarkusTest
class WaitlistTest {

    private static final ZoneId EDMONTON = ZoneId.of("America/Edmonton");

    @Inject
    AgroalDataSource db;

    @Inject
    Offers offers;

    private UUID location;
    private UUID service;
    private UUID practitioner;
    private LocalDate day;

    @BeforeEach
    void clinic() {
        Api.NeedlingClinic clinic = Api.needlingClinic(EDMONTON);
        location = clinic.location();
        service = clinic.service();
        practitioner = clinic.practitioner();
        day = LocalDate.now(EDMONTON).plusWeeks(2);
    }

    private String at(LocalDate date, String time) {
        return ZonedDateTime.of(date, LocalTime.parse(time), EDMONTON).toOffsetDateTime()
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private UUID book(UUID patient, String start) {
        return UUID.fromString(asAdmin().body(Map.of("patientId", patient.toString(), "practitionerId", practitioner.toString(),
                        "serviceId", service.toString(), "locationId", location.toString(), "start", start))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id"));
    }

    private void cancel(UUID appointment) {
        asAdmin().body(Map.of("reason", "Patient has the flu")).post("/api/v1/appointments/{id}/cancel", appointment)
                .then().statusCode(200);
    }

    private Map<String, Object> entryBody(UUID patient, String earliest, String latest, String priority) {
        Map<String, Object> body = new HashMap<>(Map.of("patientId", patient.toString(), "serviceId", service.toString(),
                "locationId", location.toString(), "earliest", earliest, "latest", latest));
        if (priority != null) {
            body.put("priority", priority);
        }
        return body;
    }

    private UUID enter(Map<String, Object> body) {
        return UUID.fromString(asAdmin().body(body).post("/api/v1/waitlist").then().statusCode(201)
                .body("status", equalTo("WAITING")).extract().path("id"));
    }

    private JsonPath entry(UUID id) {
        return asAdmin().get("/api/v1/waitlist/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits (up to 10 s) for the entry to reach {@code status}; answers it then. */
    private JsonPath awaitStatus(UUID id, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonPath found = entry(id);
        while (!status.equals(found.getString("status")) && System.nanoTime() < deadline) {
            sleep(50);
            found = entry(id);
        }
        assertThat(found.getString("status")).as("entry %s", id).isEqualTo(status);
        return found;
    }

    /** Waits until no freed time is left to look at, so what the worker will do has been done. */
    private void settled() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Db.count(db, "select count(*) from waitlist_opening where location_id = ?", location) > 0
                && System.nanoTime() < deadline) {
            sleep(50);
        }
        sleep(300);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void expireNow(UUID hold) {
        Db.count(db, "with x as (update appointment set offer_expires_at = now() - interval '1 second' where id = ?"
                + " returning 1) select count(*) from x", hold);
    }

    @Test
    void a_freed_slot_goes_to_the_urgent_entry_then_the_oldest_and_a_decline_or_expiry_passes_it_on() {
        UUID visit = book(Api.createPatient(), at(day, "09:00"));
        UUID oldest = enter(entryBody(Api.createPatient(), at(day, "09:00"), at(day, "09:30"), "NORMAL"));
        UUID urgent = enter(entryBody(Api.createPatient(), at(day, "09:00"), at(day, "09:30"), "URGENT"));
        UUID newest = enter(entryBody(Api.createPatient(), at(day, "09:00"), at(day, "09:30"), null));
        long head = Feed.head(db);

        OffsetDateTime before = OffsetDateTime.now();
        cancel(visit);
        JsonPath offered = awaitStatus(urgent, "OFFERED");
        UUID hold = UUID.fromString(offered.getString("offerAppointmentId"));
        assertThat(offered.getString("offers[0].outcome")).isEqualTo("OPEN");
        JsonPath held = asAdmin().get("/api/v1/appointments/{id}", hold).then().statusCode(200)
                .body("status", equalTo("HELD")).body("patientId", equalTo(offered.getString("patientId")))
                .body("practitionerId", equalTo(practitioner.toString())).extract().jsonPath();
        assertThat(OffsetDateTime.parse(held.getString("start")).toInstant())
                .isEqualTo(OffsetDateTime.parse(at(day, "09:00")).toInstant());
        OffsetDateTime expires = OffsetDateTime.parse(held.getString("offerExpiresAt"));
        assertThat(expires).isBetween(before.plusMinutes(15).minusSeconds(5), OffsetDateTime.now().plusMinutes(15));
        assertThat(entry(oldest).getString("status")).isEqualTo("WAITING");
        assertThat(entry(newest).getString("status")).isEqualTo("WAITING");
        // Held is taken: availability does not offer it, and a booking is refused.
        asAdmin().queryParam("serviceId", service).queryParam("locationId", location).queryParam("from", day.toString())
                .queryParam("to", day.toString()).queryParam("practitionerId", practitioner).get("/api/v1/availability")
                .then().statusCode(200).body("items.start", hasItem(at(day, "09:30")))
                .body("items.start", org.hamcrest.Matchers.not(hasItem(at(day, "09:00"))));

        asAdmin().post("/api/v1/waitlist/offers/{id}/decline", hold).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancellation.late", equalTo(false));
        JsonPath second = awaitStatus(oldest, "OFFERED");
        UUID secondHold = UUID.fromString(second.getString("offerAppointmentId"));
        assertThat(entry(urgent).getString("status")).isEqualTo("WAITING");
        assertThat(entry(urgent).getString("offers[0].outcome")).isEqualTo("DECLINED");

        expireNow(secondHold);
        JsonPath third = awaitStatus(newest, "OFFERED");
        assertThat(entry(oldest).getString("offers[0].outcome")).isEqualTo("EXPIRED");
        asAdmin().get("/api/v1/appointments/{id}", secondHold).then().statusCode(200).body("status", equalTo("CANCELLED"));
        settled();
        // Neither who let it go is offered the same slot again.
        assertThat(entry(urgent).getString("status")).isEqualTo("WAITING");
        assertThat(entry(oldest).getString("status")).isEqualTo("WAITING");
        assertThat(Db.count(db, "select count(*) from appointment where practitioner_id = ? and status = 'HELD'",
                practitioner)).isEqualTo(1);

        List<Map<String, Object>> events = Feed.await(head, e -> ((String) e.get("type")).startsWith("waitlist."), 5);
        assertThat(Feed.types(events)).containsExactly("waitlist.offer_made", "waitlist.offer_declined",
                "waitlist.offer_made", "waitlist.offer_expired", "waitlist.offer_made");
        Map<String, Object> made = Feed.data(events.get(4));
        assertThat(made).containsEntry("waitlistEntryId", newest.toString())
                .containsEntry("appointmentId", third.getString("offerAppointmentId"))
                .containsEntry("practitionerId", practitioner.toString()).containsKey("offerExpiresAt")
                .doesNotContainKeys("firstName", "lastName", "reason", "cancelReason");
        assertThat(events.get(1).get("resourceId")).isEqualTo(urgent.toString());
    }

    @Test
    void accepting_books_the_held_visit_and_cancels_the_one_it_replaces_in_the_same_transaction_never_late() {
        UUID patient = Api.createPatient();
        UUID later = book(patient, at(day.plusDays(1), "10:00"));
        UUID visit = book(Api.createPatient(), at(day, "09:00"));
        // The window is the booked visit's time only: nothing in it is free until that visit is cancelled
        // (a new entry is offered time already free in its window).
        Map<String, Object> body = entryBody(patient, at(day, "09:00"), at(day, "09:30"), "NORMAL");
        body.put("replacesAppointmentId", later.toString());
        UUID waiting = enter(body);
        long head = Feed.head(db);

        cancel(visit);
        UUID hold = UUID.fromString(awaitStatus(waiting, "OFFERED").getString("offerAppointmentId"));
        asAdmin().post("/api/v1/waitlist/offers/{id}/accept", hold).then().statusCode(200)
                .body("id", equalTo(hold.toString())).body("status", equalTo("BOOKED"))
                .body("start", equalTo(at(day, "09:00")));
        asAdmin().get("/api/v1/appointments/{id}", later).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancellation.late", equalTo(false));
        JsonPath fulfilled = entry(waiting);
        assertThat(fulfilled.getString("status")).isEqualTo("FULFILLED");
        assertThat(fulfilled.getString("offerAppointmentId")).isEqualTo(hold.toString());
        assertThat(fulfilled.getString("offers[0].outcome")).isEqualTo("ACCEPTED");

        List<Map<String, Object>> events = Feed.await(head, e -> hold.toString().equals(Feed.data(e).get("appointmentId"))
                || later.toString().equals(Feed.data(e).get("appointmentId")), 4);
        assertThat(Feed.types(events)).contains("waitlist.offer_made", "appointment.booked", "appointment.cancelled",
                "waitlist.offer_accepted");
        assertThat(events.stream().filter(e -> "appointment.cancelled".equals(e.get("type"))).map(Feed::data).toList())
                .allSatisfy(d -> assertThat(d).containsEntry("late", false));

        asAdmin().post("/api/v1/waitlist/offers/{id}/accept", hold).then().statusCode(409)
                .body("code", equalTo("invalid-transition"));
        asAdmin().post("/api/v1/waitlist/offers/{id}/decline", hold).then().statusCode(409);
        asAdmin().post("/api/v1/waitlist/offers/{id}/accept", visit).then().statusCode(404);
    }

    @Test
    void accepting_after_expiry_is_409_offer_expired_and_changes_nothing() {
        UUID patient = Api.createPatient();
        UUID later = book(patient, at(day.plusDays(1), "10:00"));
        UUID visit = book(Api.createPatient(), at(day, "09:00"));
        Map<String, Object> body = entryBody(patient, at(day, "09:00"), at(day, "09:30"), "URGENT");
        body.put("replacesAppointmentId", later.toString());
        UUID waiting = enter(body);
        cancel(visit);
        UUID hold = UUID.fromString(awaitStatus(waiting, "OFFERED").getString("offerAppointmentId"));

        expireNow(hold);
        asAdmin().post("/api/v1/waitlist/offers/{id}/accept", hold).then().statusCode(409)
                .body("code", equalTo("offer-expired"));
        awaitStatus(waiting, "WAITING");
        asAdmin().post("/api/v1/waitlist/offers/{id}/accept", hold).then().statusCode(409)
                .body("code", equalTo("offer-expired"));
        asAdmin().get("/api/v1/appointments/{id}", later).then().statusCode(200).body("status", equalTo("BOOKED"));
        asAdmin().get("/api/v1/appointments/{id}", hold).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancellation.late", equalTo(false));
        assertThat(entry(waiting).getString("offers[0].outcome")).isEqualTo("EXPIRED");
    }

    @Test
    void a_desk_booking_racing_the_offer_for_a_freed_slot_leaves_exactly_one_visit_there() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                String start = at(day, LocalTime.of(9, 0).plusMinutes(60L * round).toString());
                String end = at(day, LocalTime.of(9, 30).plusMinutes(60L * round).toString());
                UUID visit = book(Api.createPatient(), start);
                UUID waiting = enter(entryBody(Api.createPatient(), start, end, "URGENT"));
                UUID walkIn = Api.createPatient();
                Future<?> cancelling = pool.submit(() -> cancel(visit));
                Future<Integer> booking = pool.submit(bookAsSoonAsFree(walkIn, start));
                cancelling.get();
                int status = booking.get();
                settled();
                long there = Db.count(db, "select count(*) from appointment where practitioner_id = ? and start_at = ?::timestamptz"
                        + " and status <> 'CANCELLED'", practitioner, start);
                assertThat(there).as("round %d", round).isEqualTo(1);
                String entryStatus = entry(waiting).getString("status");
                if (status == 201) {
                    assertThat(entryStatus).isEqualTo("WAITING");
                } else {
                    assertThat(status).isEqualTo(409);
                    assertThat(entryStatus).isEqualTo("OFFERED");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Books {@code start} for the patient, trying while the slot is still taken (up to 5 s): the final status. */
    private Callable<Integer> bookAsSoonAsFree(UUID patient, String start) {
        return () -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (true) {
                var answer = asAdmin().body(Map.of("patientId", patient.toString(), "practitionerId", practitioner.toString(),
                        "serviceId", service.toString(), "locationId", location.toString(), "start", start))
                        .post("/api/v1/appointments").then().extract();
                if (answer.statusCode() != 409 || System.nanoTime() > deadline) {
                    return answer.statusCode();
                }
                // Taken by the visit being cancelled, or by the hold that followed: only the first is worth waiting out.
                long held = Db.count(db, "select count(*) from appointment where practitioner_id = ?"
                        + " and start_at = ?::timestamptz and status = 'HELD'", practitioner, start);
                if (held > 0) {
                    return 409;
                }
            }
        };
    }

    @Test
    void two_workers_offering_the_same_freed_time_at_once_place_one_hold() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String start = at(day.plusDays(round), "12:00");
                String end = at(day.plusDays(round), "12:30");
                List<UUID> waiting = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    waiting.add(enter(entryBody(Api.createPatient(), start, end, i % 2 == 0 ? "URGENT" : "NORMAL")));
                }
                // The same time freed twice (a cancellation and a removed time off, say), then worked by two at once.
                for (int i = 0; i < 2; i++) {
                    Db.count(db, "with x as (insert into waitlist_opening (practitioner_id, location_id, from_at, to_at)"
                            + " values (?, ?, ?::timestamptz, ?::timestamptz) returning 1) select count(*) from x",
                            practitioner, location, start, end);
                }
                List<Future<?>> workers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    workers.add(pool.submit(() -> {
                        while (offers.offerNextOpening() != Offers.Worked.NOTHING) {
                            Thread.onSpinWait();
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
                settled();
                assertThat(Db.count(db, "select count(*) from appointment where practitioner_id = ? and start_at = ?::timestamptz"
                        + " and status = 'HELD'", practitioner, start)).as("round %d", round).isEqualTo(1);
                assertThat(waiting.stream().filter(id -> "OFFERED".equals(entry(id).getString("status"))).count())
                        .as("round %d", round).isEqualTo(1);
                assertThat(entry(waiting.get(0)).getString("status")).isEqualTo("OFFERED");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void removed_time_off_and_a_new_schedule_offer_their_time() {
        UUID off = UUID.fromString(asAdmin().body(Map.of("start", at(day, "08:00"), "end", at(day, "12:00"), "reason", "Course"))
                .post("/api/v1/practitioners/{id}/time-off", practitioner).then().statusCode(201).extract().path("id"));
        UUID waiting = enter(entryBody(Api.createPatient(), at(day, "10:00"), at(day, "11:00"), "NORMAL"));
        asAdmin().delete("/api/v1/practitioners/{id}/time-off/{off}", practitioner, off).then().statusCode(204);
        UUID hold = UUID.fromString(awaitStatus(waiting, "OFFERED").getString("offerAppointmentId"));
        asAdmin().get("/api/v1/appointments/{id}", hold).then().statusCode(200).body("start", equalTo(at(day, "10:00")));
        asAdmin().delete("/api/v1/practitioners/{id}/time-off/{off}", practitioner, off).then().statusCode(404);

        UUID newcomer = Api.createPractitioner();
        Api.certify(newcomer, "IMS", "2020-01-01", null, "ACTIVE");
        Map<String, Object> body = entryBody(Api.createPatient(), at(day, "14:00"), at(day, "15:00"), "NORMAL");
        body.put("practitionerId", newcomer.toString());
        UUID forNewcomer = enter(body);
        Api.worksEveryDay(newcomer, location, "13:00", "17:00");
        UUID second = UUID.fromString(awaitStatus(forNewcomer, "OFFERED").getString("offerAppointmentId"));
        asAdmin().get("/api/v1/appointments/{id}", second).then().statusCode(200)
                .body("practitionerId", equalTo(newcomer.toString())).body("start", equalTo(at(day, "14:00")));
    }

    @Test
    void a_visit_moved_away_and_a_course_cancelled_offer_the_time_they_leave() {
        UUID visit = book(Api.createPatient(), at(day, "11:00"));
        UUID waiting = enter(entryBody(Api.createPatient(), at(day, "11:00"), at(day, "11:30"), "NORMAL"));
        asAdmin().body(Map.of("start", at(day, "16:00"))).post("/api/v1/appointments/{id}/reschedule", visit)
                .then().statusCode(200);
        UUID hold = UUID.fromString(awaitStatus(waiting, "OFFERED").getString("offerAppointmentId"));
        asAdmin().get("/api/v1/appointments/{id}", hold).then().statusCode(200).body("start", equalTo(at(day, "11:00")));

        UUID patient = Api.createPatient();
        String courseId = asAdmin().body(Map.of("patientId", patient.toString(), "practitionerId", practitioner.toString(),
                        "serviceId", service.toString(), "locationId", location.toString(),
                        "firstStart", at(day, "13:00"), "repeat", Map.of("intervalWeeks", 1, "count", 3)))
                .post("/api/v1/appointment-series").then().statusCode(201).extract().path("id");
        UUID weekTwo = enter(entryBody(Api.createPatient(), at(day.plusWeeks(1), "13:00"), at(day.plusWeeks(1), "13:30"),
                "URGENT"));
        asAdmin().body(Map.of("reason", "Moved away", "fromStart", at(day.plusWeeks(1), "13:00")))
                .post("/api/v1/appointment-series/{id}/cancel", courseId).then().statusCode(200);
        UUID second = UUID.fromString(awaitStatus(weekTwo, "OFFERED").getString("offerAppointmentId"));
        asAdmin().get("/api/v1/appointments/{id}", second).then().statusCode(200)
                .body("start", equalTo(at(day.plusWeeks(1), "13:00")));
    }

    @Test
    void a_hold_takes_the_bed_like_a_booking() {
        UUID bedService = UUID.fromString(asAdmin().body(withBed(Api.serviceBody("IMS"))).post("/api/v1/services")
                .then().statusCode(201).extract().path("id"));
        UUID bed = UUID.fromString(asAdmin().body(Map.of("name", "Bed", "capabilities", List.of("TREATMENT_BED")))
                .post("/api/v1/locations/{id}/rooms", location).then().statusCode(201).extract().path("id"));
        UUID other = Api.createPractitioner();
        Api.certify(other, "IMS", "2020-01-01", null, "ACTIVE");
        Api.worksEveryDay(other, location, "08:00", "18:00");
        UUID visit = UUID.fromString(asAdmin().body(Map.of("patientId", Api.createPatient().toString(),
                        "practitionerId", practitioner.toString(), "serviceId", bedService.toString(),
                        "locationId", location.toString(), "start", at(day, "09:00")))
                .post("/api/v1/appointments").then().statusCode(201).body("roomId", equalTo(bed.toString()))
                .extract().path("id"));
        Map<String, Object> body = entryBody(Api.createPatient(), at(day, "09:00"), at(day, "09:30"), "NORMAL");
        body.put("serviceId", bedService.toString());
        // With this practitioner: a new entry is offered time already free, and the other one's 09:00
        // becomes bookable for the hold too once the cancellation frees the bed.
        body.put("practitionerId", practitioner.toString());
        UUID waiting = enter(body);
        cancel(visit);
        UUID hold = UUID.fromString(awaitStatus(waiting, "OFFERED").getString("offerAppointmentId"));
        asAdmin().get("/api/v1/appointments/{id}", hold).then().statusCode(200).body("roomId", equalTo(bed.toString()));
        asAdmin().body(Map.of("patientId", Api.createPatient().toString(), "practitionerId", other.toString(),
                        "serviceId", bedService.toString(), "locationId", location.toString(), "start", at(day, "09:00")))
                .post("/api/v1/appointments").then().statusCode(409)
                .body("code", equalTo("no-room-available"));
    }

    private static Map<String, Object> withBed(Map<String, Object> body) {
        body.put("requiredCapabilities", List.of("TREATMENT_BED"));
        return body;
    }

    @Test
    void the_desk_works_the_waitlist_practitioners_see_holds_and_a_hold_opens_no_chart() {
        UUID patient = Api.createPatient();
        UUID visit = book(Api.createPatient(), at(day, "09:00"));
        UUID waiting = enter(entryBody(patient, at(day, "09:00"), at(day, "09:30"), "NORMAL"));
        String practitionerToken = Tokens.practitioner(practitioner);
        as(practitionerToken).get("/api/v1/waitlist/{id}", waiting).then().statusCode(403);
        assertThat(Db.count(db, "select count(*) from audit_event where resource_type = 'WAITLIST_ENTRY' and resource_id = ?"
                + " and patient_id = ? and outcome = 'DENIED' and action = 'READ'", waiting, patient)).isEqualTo(1);
        as(practitionerToken).body(entryBody(patient, at(day, "09:00"), at(day, "09:30"), null))
                .post("/api/v1/waitlist").then().statusCode(403);
        as(Tokens.insurer(UUID.randomUUID())).get("/api/v1/waitlist").then().statusCode(403);
        as(Tokens.frontDesk()).queryParam("patientId", patient).get("/api/v1/waitlist").then().statusCode(200)
                .body("items.id", hasItem(waiting.toString()));

        cancel(visit);
        UUID hold = UUID.fromString(awaitStatus(waiting, "OFFERED").getString("offerAppointmentId"));
        as(practitionerToken).queryParam("status", "HELD").get("/api/v1/appointments").then().statusCode(200)
                .body("items.find { it.id == '" + hold + "' }.status", equalTo("HELD"))
                .body("items.find { it.id == '" + hold + "' }.offerExpiresAt", notNullValue());
        // A pending offer is not treatment: it opens no chart to the practitioner.
        as(practitionerToken).get("/api/v1/patients/{id}", patient).then().statusCode(404);
        as(practitionerToken).post("/api/v1/waitlist/offers/{id}/accept", hold).then().statusCode(403);
        assertThat(Db.count(db, "select count(*) from audit_event where resource_type = 'APPOINTMENT' and resource_id = ?"
                + " and patient_id = ? and outcome = 'DENIED' and action = 'UPDATE'", hold, patient)).isEqualTo(1);
        // Nor is it cancelled, rescheduled or checked in like a booking: it is answered.
        asAdmin().body(Map.of("reason", "x")).post("/api/v1/appointments/{id}/cancel", hold).then().statusCode(409);
        asAdmin().post("/api/v1/appointments/{id}/check-in", hold).then().statusCode(409);
        assertThat(Db.count(db, "select count(*) from audit_event where resource_type = 'WAITLIST_ENTRY' and resource_id = ?"
                + " and actor = 'system:waitlist'", waiting)).isEqualTo(1);

        asAdmin().post("/api/v1/waitlist/{id}/cancel", waiting).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("offers[0].outcome", equalTo("WITHDRAWN"));
        asAdmin().get("/api/v1/appointments/{id}", hold).then().statusCode(200).body("status", equalTo("CANCELLED"));
        asAdmin().post("/api/v1/waitlist/{id}/cancel", waiting).then().statusCode(409);
    }

    @Test
    void a_certification_suspended_while_the_offer_is_open_refuses_the_acceptance() {
        UUID second = Api.createPractitioner();
        UUID certification = Api.certify(second, "IMS", "2020-01-01", null, "ACTIVE");
        Api.worksEveryDay(second, location, "08:00", "18:00");
        UUID visit = UUID.fromString(asAdmin().body(Map.of("patientId", Api.createPatient().toString(),
                        "practitionerId", second.toString(), "serviceId", service.toString(),
                        "locationId", location.toString(), "start", at(day, "15:00")))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id"));
        Map<String, Object> body = entryBody(Api.createPatient(), at(day, "15:00"), at(day, "15:30"), "NORMAL");
        body.put("practitionerId", second.toString());
        UUID waiting = enter(body);
        cancel(visit);
        UUID hold = UUID.fromString(awaitStatus(waiting, "OFFERED").getString("offerAppointmentId"));

        asAdmin().body(Map.of("status", "SUSPENDED"))
                .patch("/api/v1/practitioners/{id}/certifications/{cert}", second, certification).then().statusCode(200);
        asAdmin().post("/api/v1/waitlist/offers/{id}/accept", hold).then().statusCode(422)
                .body("code", equalTo("practitioner-not-certified"));
        asAdmin().get("/api/v1/appointments/{id}", hold).then().statusCode(200).body("status", equalTo("HELD"));
        assertThat(entry(waiting).getString("status")).isEqualTo("OFFERED");
    }

    @Test
    void the_list_is_best_first_and_a_replayed_creation_answers_the_same_entry() {
        UUID patient = Api.createPatient();
        // Evening windows, when the practitioner does not work: nothing is offered, all stay WAITING.
        UUID first = enter(entryBody(patient, at(day, "19:00"), at(day, "21:00"), "NORMAL"));
        UUID second = enter(entryBody(Api.createPatient(), at(day, "19:00"), at(day, "21:00"), "URGENT"));
        UUID third = enter(entryBody(Api.createPatient(), at(day, "19:00"), at(day, "21:00"), "NORMAL"));
        asAdmin().queryParam("locationId", location).queryParam("status", "WAITING").queryParam("limit", 2)
                .get("/api/v1/waitlist").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(second.toString(), first.toString()))
                .body("items[0].earliest", equalTo(at(day, "19:00")))
                .body("nextCursor", notNullValue());

        String key = UUID.randomUUID().toString();
        Map<String, Object> body = entryBody(patient, at(day, "13:00"), at(day, "14:00"), "URGENT");
        String created = as(Tokens.frontDesk()).header("Idempotency-Key", key).body(body).post("/api/v1/waitlist")
                .then().statusCode(201).extract().path("id");
        as(Tokens.frontDesk()).header("Idempotency-Key", key).body(body).post("/api/v1/waitlist").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(created));
        assertThat(Db.count(db, "select count(*) from waitlist_entry where patient_id = ?", patient)).isEqualTo(2);
        assertThat(third).isNotNull();
    }

    @Test
    void bad_entries_are_refused_with_the_field_and_write_nothing() {
        UUID patient = Api.createPatient();
        UUID someoneElses = book(Api.createPatient(), at(day.plusDays(2), "10:00"));
        UUID own = book(patient, at(day.plusDays(2), "11:00"));
        long before = Db.count(db, "select count(*) from waitlist_entry where patient_id = ?", patient);

        asAdmin().body(entryBody(patient, at(day, "10:00"), at(day, "09:00"), null)).post("/api/v1/waitlist")
                .then().statusCode(400).body("errors[0].field", equalTo("latest"));
        asAdmin().body(entryBody(patient, "2020-01-01T09:00:00Z", "2020-01-02T09:00:00Z", null)).post("/api/v1/waitlist")
                .then().statusCode(400).body("errors[0].field", equalTo("latest"));
        asAdmin().body(entryBody(patient, at(day, "09:00"), at(day, "10:00"), "SOON")).post("/api/v1/waitlist")
                .then().statusCode(400);
        asAdmin().body(entryBody(UUID.randomUUID(), at(day, "09:00"), at(day, "10:00"), null)).post("/api/v1/waitlist")
                .then().statusCode(400).body("errors[0].field", equalTo("patientId"));
        Map<String, Object> replacing = entryBody(patient, at(day, "09:00"), at(day, "10:00"), null);
        replacing.put("replacesAppointmentId", someoneElses.toString());
        asAdmin().body(replacing).post("/api/v1/waitlist").then().statusCode(400)
                .body("errors[0].field", equalTo("replacesAppointmentId"));
        Map<String, Object> tooLate = entryBody(patient, at(day, "09:00"), at(day.plusDays(3), "10:00"), null);
        tooLate.put("replacesAppointmentId", own.toString());
        asAdmin().body(tooLate).post("/api/v1/waitlist").then().statusCode(400).body("errors[0].field", equalTo("latest"));
        assertThat(Db.count(db, "select count(*) from waitlist_entry where patient_id = ?", patient)).isEqualTo(before);
        asAdmin().queryParam("status", "LATER").get("/api/v1/waitlist").then().statusCode(400);
    }
}
