package com.needleclinic.scheduling;

import com.needleclinic.support.Api;
import com.needleclinic.support.Db;
import com.needleclinic.support.Feed;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
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

import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Courses (docs/rules.md, "Courses"): each occurrence judged on its own date, all or the passing ones. */
@QuarkusTest
class SeriesTest {

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

    /** The next Monday at least two weeks ahead. */
    private static LocalDate monday() {
        LocalDate day = LocalDate.now(EDMONTON).plusWeeks(2);
        return day.plusDays((8 - day.getDayOfWeek().getValue()) % 7);
    }

    private ValidatableResponse course(String firstStart, Map<String, Object> repeat, String onConflict) {
        Map<String, Object> body = new HashMap<>(Map.of("patientId", patient.toString(), "practitionerId",
                practitioner.toString(), "serviceId", service.toString(), "locationId", location.toString(),
                "firstStart", firstStart, "repeat", repeat));
        if (onConflict != null) {
            body.put("onConflict", onConflict);
        }
        return asAdmin().body(body).post("/api/v1/appointment-series").then();
    }

    private static List<OffsetDateTime> starts(JsonPath answer) {
        return answer.getList("occurrences.start", String.class).stream().map(OffsetDateTime::parse).toList();
    }

    @Test
    void weekly_times_six_books_six_ordinary_appointments_that_name_their_course() {
        LocalDate first = monday();
        JsonPath course = course(at(first, "09:00"), Map.of("intervalWeeks", 1, "count", 6), null).statusCode(201)
                .body("occurrences", hasSize(6)).body("onConflict", equalTo("REJECT_ALL")).extract().jsonPath();
        String id = course.getString("id");
        for (int k = 0; k < 6; k++) {
            String appointment = course.getString("occurrences[" + k + "].appointmentId");
            asAdmin().get("/api/v1/appointments/{id}", appointment).then().statusCode(200)
                    .body("seriesId", equalTo(id)).body("status", equalTo("BOOKED"));
            assertThat(starts(course).get(k)).isEqualTo(OffsetDateTime.parse(at(first.plusWeeks(k), "09:00")));
        }
        asAdmin().get("/api/v1/appointment-series/{id}", id).then().statusCode(200).body("occurrences", hasSize(6))
                .body("repeat.count", equalTo(6));
    }

    @Test
    void a_certification_expiring_mid_course_refuses_the_later_visits_in_both_modes() {
        LocalDate first = monday();
        UUID certification = UUID.fromString(asAdmin().get("/api/v1/practitioners/{id}/certifications", practitioner)
                .then().extract().path("items[0].id"));
        asAdmin().body(Map.of("validUntil", first.plusWeeks(2).plusDays(3).toString()))
                .patch("/api/v1/practitioners/{p}/certifications/{c}", practitioner, certification).then().statusCode(200);

        JsonPath refused = course(at(first, "10:00"), Map.of("intervalWeeks", 1, "count", 5), null).statusCode(422)
                .body("code", equalTo("series-not-bookable")).body("occurrences", hasSize(2)).extract().jsonPath();
        assertThat(refused.getList("occurrences.code", String.class)).containsOnly("practitioner-not-certified");
        assertThat(refused.getList("occurrences.start", String.class).stream().map(OffsetDateTime::parse))
                .containsExactly(OffsetDateTime.parse(at(first.plusWeeks(3), "10:00")),
                        OffsetDateTime.parse(at(first.plusWeeks(4), "10:00")));
        assertThat(Db.count(db, "select count(*) from appointment where patient_id = ?", patient)).isZero();

        JsonPath skipped = course(at(first, "10:00"), Map.of("intervalWeeks", 1, "count", 5), "SKIP").statusCode(201)
                .extract().jsonPath();
        assertThat(skipped.getList("occurrences.appointmentId", String.class)).hasSize(5)
                .filteredOn(java.util.Objects::nonNull).hasSize(3);
        assertThat(skipped.getString("occurrences[3].problem.code")).isEqualTo("practitioner-not-certified");
        assertThat(skipped.getString("occurrences[4].problem.code")).isEqualTo("practitioner-not-certified");
    }

    @Test
    void a_clash_in_week_three_and_the_patient_seen_elsewhere_are_named_per_visit() {
        LocalDate first = monday();
        asAdmin().body(Map.of("patientId", Api.createPatient().toString(), "practitionerId", practitioner.toString(),
                        "serviceId", service.toString(), "locationId", location.toString(),
                        "start", at(first.plusWeeks(2), "11:00"))).post("/api/v1/appointments").then().statusCode(201);
        UUID colleague = Api.createPractitioner();
        Api.certify(colleague, "IMS", "2020-01-01", null, "ACTIVE");
        Api.worksEveryDay(colleague, location, "08:00", "18:00");
        asAdmin().body(Map.of("patientId", patient.toString(), "practitionerId", colleague.toString(),
                        "serviceId", service.toString(), "locationId", location.toString(),
                        "start", at(first.plusWeeks(4), "11:00"))).post("/api/v1/appointments").then().statusCode(201);

        JsonPath refused = course(at(first, "11:00"), Map.of("intervalWeeks", 1, "count", 6), "REJECT_ALL")
                .statusCode(422).extract().jsonPath();
        assertThat(refused.getList("occurrences.code", String.class))
                .containsExactly("slot-unavailable", "patient-double-booked");
    }

    @Test
    void nine_oclock_stays_nine_oclock_across_the_spring_and_fall_changes() {
        LocalDate march = LocalDate.of(LocalDate.now().getYear() + 1, 3, 1);
        JsonPath spring = course(at(march, "09:00"), Map.of("intervalWeeks", 1, "count", 3), null).statusCode(201)
                .extract().jsonPath();
        assertThat(starts(spring)).allSatisfy(s -> assertThat(s.atZoneSameInstant(EDMONTON).toLocalTime())
                .isEqualTo(LocalTime.of(9, 0)));
        assertThat(starts(spring).stream().map(OffsetDateTime::getOffset).distinct()).hasSize(2);

        patient = Api.createPatient();
        LocalDate october = LocalDate.of(LocalDate.now().getYear() + 1, 10, 25);
        JsonPath fall = course(at(october, "09:00"), Map.of("intervalWeeks", 1, "count", 3), null).statusCode(201)
                .extract().jsonPath();
        assertThat(starts(fall)).allSatisfy(s -> assertThat(s.atZoneSameInstant(EDMONTON).toLocalTime())
                .isEqualTo(LocalTime.of(9, 0)));
        assertThat(starts(fall).stream().map(OffsetDateTime::getOffset).distinct()).hasSize(2);
    }

    @Test
    void every_other_week_until_a_date_and_at_most_52_visits() {
        LocalDate first = monday();
        JsonPath course = course(at(first, "12:00"), Map.of("intervalWeeks", 2, "until", first.plusWeeks(7).toString()),
                null).statusCode(201).extract().jsonPath();
        assertThat(starts(course)).containsExactly(OffsetDateTime.parse(at(first, "12:00")),
                OffsetDateTime.parse(at(first.plusWeeks(2), "12:00")), OffsetDateTime.parse(at(first.plusWeeks(4), "12:00")),
                OffsetDateTime.parse(at(first.plusWeeks(6), "12:00")));
        course(at(first, "13:00"), Map.of("intervalWeeks", 1, "count", 53), null).statusCode(400)
                .body("errors[0].field", equalTo("repeat.count"));
        course(at(first, "13:00"), Map.of("intervalWeeks", 1, "until", first.plusWeeks(60).toString()), null)
                .statusCode(400).body("errors[0].field", equalTo("repeat.until"));
        course(at(first, "13:00"), Map.of("intervalWeeks", 5, "count", 2), null).statusCode(400)
                .body("errors[0].field", equalTo("repeat.intervalWeeks"));
        course(at(first, "13:00"), Map.of("intervalWeeks", 1, "count", 2, "until", first.plusWeeks(3).toString()), null)
                .statusCode(400);
    }

    @Test
    void cancel_from_an_occurrence_cancels_it_and_every_later_one() {
        LocalDate first = monday();
        long head = Feed.head(db);
        JsonPath course = course(at(first, "14:00"), Map.of("intervalWeeks", 1, "count", 6), null).statusCode(201)
                .extract().jsonPath();
        String id = course.getString("id");
        JsonPath after = asAdmin().body(Map.of("reason", "Feeling better", "fromStart", at(first.plusWeeks(2), "14:00")))
                .post("/api/v1/appointment-series/{id}/cancel", id).then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("occurrences.status", String.class))
                .containsExactly("BOOKED", "BOOKED", "CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED");
        assertThat(Feed.types(Feed.about(head, id, 2))).containsExactly("series.booked", "series.cancelled");
        assertThat(Feed.about(head, course.getString("occurrences[5].appointmentId"), 2).stream()
                .map(e -> (String) e.get("type"))).containsExactly("appointment.booked", "appointment.cancelled");
    }

    @Test
    void a_retried_course_with_its_idempotency_key_is_booked_once() {
        LocalDate first = monday();
        Map<String, Object> body = Map.of("patientId", patient.toString(), "practitionerId", practitioner.toString(),
                "serviceId", service.toString(), "locationId", location.toString(), "firstStart", at(first, "15:00"),
                "repeat", Map.of("intervalWeeks", 1, "count", 4));
        String key = UUID.randomUUID().toString();
        String id = asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/appointment-series").then()
                .statusCode(201).extract().path("id");
        asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/appointment-series").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertThat(Db.count(db, "select count(*) from appointment where patient_id = ?", patient)).isEqualTo(4);
    }

    @Test
    void refusals_on_a_course_are_audited_with_the_action_attempted_and_the_patient() {
        String id = course(at(monday(), "13:00"), Map.of("intervalWeeks", 1, "count", 2), null).statusCode(201)
                .extract().path("id");
        String insurer = "series-insurer-" + UUID.randomUUID();
        Api.as(com.needleclinic.support.Tokens.withSubject("insurer", insurer))
                .get("/api/v1/appointment-series/{id}", id).then().statusCode(403);
        String other = "series-practitioner-" + UUID.randomUUID();
        Api.as(com.needleclinic.support.Tokens.withSubject("practitioner", other)).body(Map.of("reason", "x",
                "fromStart", at(monday(), "13:00"))).post("/api/v1/appointment-series/{id}/cancel", id).then().statusCode(403);
        String denied = "select count(*) from audit_event where actor = ? and outcome = 'DENIED' and action = ?"
                + " and resource_type = 'APPOINTMENT_SERIES' and resource_id = ?::uuid and patient_id = ?";
        assertThat(Db.count(db, denied, insurer, "READ", id, patient)).isEqualTo(1);
        assertThat(Db.count(db, denied, other, "UPDATE", id, patient)).isEqualTo(1);
    }

    @Test
    void a_practitioner_starts_a_course_only_for_a_patient_in_their_care_circle() {
        LocalDate first = monday();
        Map<String, Object> body = Map.of("patientId", patient.toString(), "practitionerId", practitioner.toString(),
                "serviceId", service.toString(), "locationId", location.toString(), "firstStart", at(first, "17:00"),
                "repeat", Map.of("intervalWeeks", 1, "count", 3));
        com.needleclinic.support.Api.as(com.needleclinic.support.Tokens.practitioner(practitioner)).body(body)
                .post("/api/v1/appointment-series").then().statusCode(403).body("code", equalTo("not-in-care"));
        asAdmin().body(Map.of("patientId", patient.toString(), "practitionerId", practitioner.toString(),
                        "serviceId", service.toString(), "locationId", location.toString(),
                        "start", at(first.minusDays(1), "09:00"))).post("/api/v1/appointments").then().statusCode(201);
        com.needleclinic.support.Api.as(com.needleclinic.support.Tokens.practitioner(practitioner)).body(body)
                .post("/api/v1/appointment-series").then().statusCode(201).body("occurrences", hasSize(3));
        assertThat(Db.count(db, "select count(*) from appointment where patient_id = ? and booked_by = 'PRACTITIONER'",
                patient)).isEqualTo(3);
    }

    @Test
    void each_visit_of_a_course_that_needs_a_bed_gets_one_and_a_taken_bed_refuses_that_visit() {
        LocalDate first = monday();
        UUID bed = UUID.fromString(asAdmin().body(Map.of("name", "Bed", "capabilities", List.of("TREATMENT_BED")))
                .post("/api/v1/locations/{id}/rooms", location).then().statusCode(201).extract().path("id"));
        Map<String, Object> needling = Api.serviceBody("IMS");
        needling.put("requiredCapabilities", List.of("TREATMENT_BED"));
        service = UUID.fromString(asAdmin().body(needling).post("/api/v1/services").then().statusCode(201)
                .extract().path("id"));
        UUID colleague = Api.createPractitioner();
        Api.certify(colleague, "IMS", "2020-01-01", null, "ACTIVE");
        Api.worksEveryDay(colleague, location, "08:00", "18:00");
        asAdmin().body(Map.of("patientId", Api.createPatient().toString(), "practitionerId", colleague.toString(),
                        "serviceId", service.toString(), "locationId", location.toString(),
                        "start", at(first.plusWeeks(1), "09:00"))).post("/api/v1/appointments").then().statusCode(201);

        JsonPath course = course(at(first, "09:00"), Map.of("intervalWeeks", 1, "count", 3), "SKIP").statusCode(201)
                .extract().jsonPath();
        assertThat(course.getString("occurrences[1].problem.code")).isEqualTo("no-room-available");
        for (int k : new int[]{0, 2}) {
            asAdmin().get("/api/v1/appointments/{id}", course.getString("occurrences[" + k + "].appointmentId")).then()
                    .body("roomId", equalTo(bed.toString()));
        }
    }

    @Test
    void a_course_racing_single_bookings_is_all_or_nothing() throws Exception {
        LocalDate first = monday();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> singles = new java.util.ArrayList<>();
        for (int week = 0; week < 6; week++) {
            String start = at(first.plusWeeks(week), "16:00");
            UUID someone = Api.createPatient();
            singles.add(pool.submit(() -> {
                go.await();
                return asAdmin().body(Map.of("patientId", someone.toString(), "practitionerId", practitioner.toString(),
                        "serviceId", service.toString(), "locationId", location.toString(), "start", start))
                        .post("/api/v1/appointments").statusCode();
            }));
        }
        java.util.concurrent.Future<Integer> courseAnswer = pool.submit(() -> {
            go.await();
            return course(at(first, "16:00"), Map.of("intervalWeeks", 1, "count", 6), null).extract().statusCode();
        });
        go.countDown();
        int courseStatus = courseAnswer.get();
        long singlesBooked = 0;
        for (var single : singles) {
            singlesBooked += single.get() == 201 ? 1 : 0;
        }
        pool.shutdown();
        long courseVisits = Db.count(db, "select count(*) from appointment where patient_id = ? and status = 'BOOKED'", patient);
        if (courseStatus == 201) {
            assertThat(courseVisits).isEqualTo(6);
            assertThat(singlesBooked).isZero();
        } else {
            assertThat(courseStatus).isIn(409, 422);
            assertThat(courseVisits).isZero();
            assertThat(singlesBooked).isPositive();
        }
        assertThat(Db.count(db, "select count(*) from appointment_series where patient_id = ?", patient))
                .isEqualTo(courseStatus == 201 ? 1 : 0);
    }
}
