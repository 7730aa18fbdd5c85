package com.needleclinic.scheduling;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule 2, "inside availability", at its boundaries, without Quarkus. */
class BookingPolicyTest {

    private static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    private static final UUID CLINIC = UUID.randomUUID();
    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 15);  // the day after spring-forward
    private static final List<WeeklyBlock> MONDAYS_9_TO_5 =
            List.of(new WeeklyBlock(CLINIC, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));

    private static Instant at(LocalDate date, String time) {
        return ZonedDateTime.of(date, LocalTime.parse(time), VANCOUVER).toInstant();
    }

    private static boolean within(String from, String to) {
        return BookingPolicy.withinSchedule(MONDAYS_9_TO_5, CLINIC, VANCOUVER, at(MONDAY, from), at(MONDAY, to));
    }

    @Test
    void a_visit_filling_the_block_exactly_is_inside_it() {
        assertThat(within("09:00", "17:00")).isTrue();
    }

    @Test
    void a_visit_starting_before_or_ending_after_the_block_is_outside_it() {
        assertThat(within("08:45", "09:15")).isFalse();
        assertThat(within("16:45", "17:15")).isFalse();
    }

    @Test
    void the_block_is_local_time_on_both_sides_of_a_daylight_saving_change() {
        LocalDate mondayBefore = MONDAY.minusWeeks(1);
        assertThat(BookingPolicy.withinSchedule(MONDAYS_9_TO_5, CLINIC, VANCOUVER,
                at(mondayBefore, "09:00"), at(mondayBefore, "09:30"))).isTrue();
        assertThat(within("09:00", "09:30")).isTrue();
        assertThat(at(MONDAY, "09:00").minusSeconds(7 * 24 * 3600)).isNotEqualTo(at(mondayBefore, "09:00"));
    }

    @Test
    void another_location_or_weekday_is_outside_the_block() {
        assertThat(BookingPolicy.withinSchedule(MONDAYS_9_TO_5, UUID.randomUUID(), VANCOUVER,
                at(MONDAY, "10:00"), at(MONDAY, "10:30"))).isFalse();
        assertThat(BookingPolicy.withinSchedule(MONDAYS_9_TO_5, CLINIC, VANCOUVER,
                at(MONDAY.plusDays(1), "10:00"), at(MONDAY.plusDays(1), "10:30"))).isFalse();
    }

    @Test
    void time_off_is_half_open_so_visits_may_end_as_it_starts_and_start_as_it_ends() {
        List<Period> lunch = List.of(new Period(at(MONDAY, "12:00"), at(MONDAY, "13:00")));
        assertThatNoException().isThrownBy(() -> requireAvailable(lunch, "11:30", "12:00"));
        assertThatNoException().isThrownBy(() -> requireAvailable(lunch, "13:00", "13:30"));
        assertThatThrownBy(() -> requireAvailable(lunch, "12:45", "13:15"))
                .isInstanceOf(BookingPolicy.OutsideAvailabilityException.class)
                .hasMessageContaining("off");
    }

    @Test
    void outside_the_schedule_is_reported_before_time_off() {
        List<Period> allDay = List.of(new Period(at(MONDAY, "00:00"), at(MONDAY, "23:00")));
        assertThatThrownBy(() -> requireAvailable(allDay, "18:00", "18:30"))
                .isInstanceOf(BookingPolicy.OutsideAvailabilityException.class)
                .hasMessageContaining("works at this location").hasMessageContaining(" only ");
    }

    @Test
    void a_start_in_the_past_is_refused_and_now_is_not_the_past() {
        Instant now = at(MONDAY, "10:00");
        assertThatThrownBy(() -> BookingPolicy.requireFuture(now.minusSeconds(1), now))
                .isInstanceOf(BookingPolicy.StartInPastException.class);
        assertThatNoException().isThrownBy(() -> BookingPolicy.requireFuture(now, now));
    }

    private static void requireAvailable(List<Period> timeOff, String from, String to) {
        BookingPolicy.requireAvailable(MONDAYS_9_TO_5, timeOff, CLINIC, VANCOUVER, at(MONDAY, from), at(MONDAY, to));
    }

    @Test
    void on_the_night_clocks_fall_back_a_visit_whose_local_end_equals_its_local_start_is_inside_the_day() {
        ZoneId edmonton = ZoneId.of("America/Edmonton");
        LocalDate fallBack = LocalDate.of(2027, 11, 7);
        List<WeeklyBlock> allDay = List.of(new WeeklyBlock(CLINIC, DayOfWeek.SUNDAY, LocalTime.of(0, 0), LocalTime.of(23, 59)));
        Instant start = ZonedDateTime.of(fallBack, LocalTime.of(1, 30), edmonton).withEarlierOffsetAtOverlap().toInstant();
        Instant end = start.plusSeconds(3600);
        assertThat(end.atZone(edmonton).toLocalTime()).isEqualTo(LocalTime.of(1, 30));
        assertThat(BookingPolicy.withinSchedule(allDay, CLINIC, edmonton, start, end)).isTrue();
    }

    @Test
    void on_the_night_clocks_fall_back_the_block_still_ends_at_its_local_end() {
        ZoneId edmonton = ZoneId.of("America/Edmonton");
        LocalDate fallBack = LocalDate.of(2027, 11, 7);
        List<WeeklyBlock> night = List.of(new WeeklyBlock(CLINIC, DayOfWeek.SUNDAY, LocalTime.of(0, 0), LocalTime.of(2, 0)));
        Instant lastHour = ZonedDateTime.of(fallBack, LocalTime.of(1, 0), edmonton).withLaterOffsetAtOverlap().toInstant();
        assertThat(BookingPolicy.withinSchedule(night, CLINIC, edmonton, lastHour, lastHour.plusSeconds(3600))).isTrue();
        assertThat(BookingPolicy.withinSchedule(night, CLINIC, edmonton, lastHour, lastHour.plusSeconds(3660))).isFalse();
    }
}
