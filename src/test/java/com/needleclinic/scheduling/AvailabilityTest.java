package com.needleclinic.scheduling;

import com.needleclinic.support.Api;
import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.scheduling.Clinic.ZONE;
import static com.needleclinic.scheduling.Clinic.at;
import static com.needleclinic.scheduling.Clinic.inDays;
import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.createPatient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AvailabilityTest {

    private Clinic clinic;

    @BeforeEach
    void setUp() {
        clinic = new Clinic();
    }

    private JsonPath availability(UUID service, LocalDate from, LocalDate to, UUID practitioner) {
        var request = as(Tokens.frontDesk()).queryParam("serviceId", service.toString())
                .queryParam("locationId", clinic.location.toString())
                .queryParam("from", from.toString()).queryParam("to", to.toString());
        if (practitioner != null) {
            request.queryParam("practitionerId", practitioner.toString());
        }
        return request.get("/api/v1/availability").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> localStarts(JsonPath slots) {
        return slots.<String>getList("items.start").stream()
                .map(s -> Instant.parse(s).atZone(ZONE).toLocalDateTime().toString()).toList();
    }

    @Test
    void slots_are_on_a_15_minute_grid_inside_the_schedule_minus_bookings_and_time_off() {
        UUID practitioner = Api.createPractitioner();
        Api.certify(practitioner, "IMS", "2020-01-01", null, "ACTIVE");
        clinic.worksEveryDay(practitioner, "09:00", "11:00");
        LocalDate day = inDays(15);
        clinic.book(createPatient(), practitioner, clinic.imsService, at(day, "09:30"));
        asAdmin().body(Map.of("start", at(day, "10:15"), "end", at(day, "10:30"), "reason", "Call"))
                .post("/api/v1/practitioners/{id}/time-off", practitioner).then().statusCode(201);

        JsonPath slots = availability(clinic.imsService, day, day, practitioner);
        assertThat(localStarts(slots)).containsExactly(day + "T09:00", day + "T10:30");
        assertThat(slots.getList("items.practitionerId")).containsOnly(practitioner.toString());
        assertThat(Instant.parse(slots.getString("items[0].end")))
                .isEqualTo(Instant.parse(slots.getString("items[0].start")).plusSeconds(1800));
    }

    @Test
    void only_practitioners_certified_that_day_offer_needling_slots() {
        LocalDate day = inDays(15);
        UUID expiring = clinic.imsPractitioner(day.minusDays(1));
        UUID certified = clinic.imsPractitioner(null);
        UUID uncertified = Api.createPractitioner();
        clinic.worksEveryDay(uncertified, "09:00", "17:00");

        List<String> needling = availability(clinic.imsService, day.minusDays(1), day, null).getList("items.practitionerId");
        assertThat(needling).contains(certified.toString(), expiring.toString()).doesNotContain(uncertified.toString());
        List<String> onTheDay = availability(clinic.imsService, day, day, null).getList("items.practitionerId");
        assertThat(onTheDay).contains(certified.toString()).doesNotContain(expiring.toString(), uncertified.toString());
        List<String> assessment = availability(clinic.assessment, day, day, null).getList("items.practitionerId");
        assertThat(assessment).contains(uncertified.toString(), expiring.toString(), certified.toString());
    }

    @Test
    void a_nine_o_clock_start_stays_nine_o_clock_across_both_daylight_saving_changes() {
        UUID practitioner = Api.createPractitioner();
        Api.certify(practitioner, "IMS", "2020-01-01", null, "ACTIVE");
        clinic.worksEveryDay(practitioner, "09:00", "09:30");
        ZoneOffsetTransition next = ZONE.getRules().nextTransition(Instant.now().plusSeconds(2 * 86400));
        ZoneOffsetTransition after = ZONE.getRules().nextTransition(next.getInstant());
        for (ZoneOffsetTransition transition : List.of(next, after)) {
            LocalDate change = transition.getInstant().atZone(ZONE).toLocalDate();
            JsonPath slots = availability(clinic.imsService, change.minusDays(1), change.plusDays(1), practitioner);
            assertThat(localStarts(slots)).containsExactly(change.minusDays(1) + "T09:00", change + "T09:00",
                    change.plusDays(1) + "T09:00");
            List<String> starts = slots.getList("items.start");
            assertThat(OffsetDateTime.parse(starts.get(0)).toInstant())
                    .isEqualTo(ZonedDateTime.of(change.minusDays(1), java.time.LocalTime.of(9, 0), ZONE).toInstant());
            // the UTC time of 09:00 moves by the offset change, the local time does not
            long shift = transition.getOffsetAfter().getTotalSeconds() - transition.getOffsetBefore().getTotalSeconds();
            assertThat(Instant.parse(starts.get(2)).getEpochSecond() - Instant.parse(starts.get(0)).getEpochSecond())
                    .isEqualTo(2 * 86400 - shift);
            clinic.book(createPatient(), practitioner, clinic.imsService,
                    ZonedDateTime.of(change.plusDays(1), java.time.LocalTime.of(9, 0), ZONE).toOffsetDateTime().toString());
        }
    }

    @Test
    void the_search_window_is_at_most_31_days() {
        as(Tokens.frontDesk()).queryParam("serviceId", clinic.imsService.toString())
                .queryParam("locationId", clinic.location.toString())
                .queryParam("from", inDays(1).toString()).queryParam("to", inDays(32).toString())
                .get("/api/v1/availability").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("errors[0].field", equalTo("to"));
        availability(clinic.imsService, inDays(1), inDays(31), null);
    }

    @Test
    void parameters_are_required_and_validated() {
        as(Tokens.frontDesk()).get("/api/v1/availability").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("serviceId", "locationId", "from"));
        as(Tokens.frontDesk()).queryParam("serviceId", UUID.randomUUID().toString())
                .queryParam("locationId", clinic.location.toString())
                .queryParam("from", inDays(1).toString()).queryParam("to", inDays(2).toString())
                .get("/api/v1/availability").then().statusCode(400).body("errors[0].field", equalTo("serviceId"));
        as(Tokens.insurer(UUID.randomUUID())).get("/api/v1/availability").then().statusCode(403);
    }
}
