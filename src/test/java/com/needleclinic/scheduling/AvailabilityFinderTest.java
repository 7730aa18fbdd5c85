package com.needleclinic.scheduling;

import com.needleclinic.practitioner.Modality;
import com.needleclinic.practitioner.Practitioner;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.practitioner.PractitionerBuilder.aPractitioner;
import static org.assertj.core.api.Assertions.assertThat;

/** Which slots availability offers, without Quarkus: grid, blocks, busy times, certification, the clock. */
class AvailabilityFinderTest {

    private static final ZoneId EDMONTON = ZoneId.of("America/Edmonton");
    private static final UUID CLINIC = UUID.randomUUID();
    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);
    private static final Instant LONG_AGO = Instant.parse("2027-01-01T00:00:00Z");
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    private static Instant at(LocalDate date, String time) {
        return ZonedDateTime.of(date, LocalTime.parse(time), EDMONTON).toInstant();
    }

    private static AvailabilityFinder.Calendar calendar(Practitioner practitioner, String from, String to,
                                                        List<Period> busy) {
        return new AvailabilityFinder.Calendar(practitioner,
                List.of(new WeeklyBlock(CLINIC, DayOfWeek.MONDAY, LocalTime.parse(from), LocalTime.parse(to))),
                List.of(), busy);
    }

    private static List<String> starts(List<AvailabilityFinder.Slot> slots) {
        return slots.stream().map(s -> s.start().atZone(EDMONTON).toLocalTime().toString()).toList();
    }

    private static List<AvailabilityFinder.Slot> find(Map<UUID, AvailabilityFinder.Calendar> calendars,
                                                      Modality modality, Instant now) {
        return AvailabilityFinder.find(calendars, CLINIC, EDMONTON, modality, HALF_HOUR, MONDAY, MONDAY, now);
    }

    @Test
    void offers_every_quarter_hour_where_the_whole_visit_fits_the_block() {
        Practitioner gunn = aPractitioner().build();
        var slots = find(Map.of(gunn.id(), calendar(gunn, "09:00", "10:00", List.of())), null, LONG_AGO);
        assertThat(starts(slots)).containsExactly("09:00", "09:15", "09:30");
    }

    @Test
    void a_block_off_the_grid_starts_at_the_next_quarter_hour() {
        Practitioner gunn = aPractitioner().build();
        var slots = find(Map.of(gunn.id(), calendar(gunn, "09:05", "10:00", List.of())), null, LONG_AGO);
        assertThat(starts(slots)).containsExactly("09:15", "09:30");
    }

    @Test
    void busy_times_hide_the_slots_they_overlap_and_back_to_back_is_fine() {
        Practitioner gunn = aPractitioner().build();
        List<Period> busy = List.of(new Period(at(MONDAY, "09:30"), at(MONDAY, "10:00")));
        var slots = find(Map.of(gunn.id(), calendar(gunn, "09:00", "10:30", busy)), null, LONG_AGO);
        assertThat(starts(slots)).containsExactly("09:00", "10:00");
    }

    @Test
    void slots_that_started_before_now_are_not_offered() {
        Practitioner gunn = aPractitioner().build();
        var slots = find(Map.of(gunn.id(), calendar(gunn, "09:00", "10:00", List.of())), null, at(MONDAY, "09:10"));
        assertThat(starts(slots)).containsExactly("09:15", "09:30");
    }

    @Test
    void only_practitioners_certified_that_day_offer_a_needling_service() {
        Practitioner certified = aPractitioner().certifiedFor(Modality.IMS).from(MONDAY).build();
        Practitioner expired = aPractitioner().certifiedFor(Modality.IMS).from(MONDAY.minusYears(1))
                .until(MONDAY.minusDays(1)).build();
        Practitioner inactive = aPractitioner().certifiedFor(Modality.IMS).from(MONDAY).inactive().build();
        Map<UUID, AvailabilityFinder.Calendar> calendars = new LinkedHashMap<>();
        for (Practitioner p : List.of(certified, expired, inactive)) {
            calendars.put(p.id(), calendar(p, "09:00", "09:30", List.of()));
        }
        var slots = find(calendars, Modality.IMS, LONG_AGO);
        assertThat(slots).extracting(AvailabilityFinder.Slot::practitionerId).containsExactly(certified.id());
    }

    @Test
    void slots_are_ordered_by_start_then_practitioner() {
        Practitioner a = aPractitioner().build();
        Practitioner b = aPractitioner().build();
        Map<UUID, AvailabilityFinder.Calendar> calendars = Map.of(
                a.id(), calendar(a, "09:00", "09:45", List.of()), b.id(), calendar(b, "09:00", "09:45", List.of()));
        var slots = find(calendars, null, LONG_AGO);
        assertThat(slots).isSortedAccordingTo(java.util.Comparator.comparing(AvailabilityFinder.Slot::start)
                .thenComparing(AvailabilityFinder.Slot::practitionerId));
        assertThat(slots).hasSize(4);
    }
}
