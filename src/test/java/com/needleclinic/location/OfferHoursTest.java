package com.needleclinic.location;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Waitlist offers at sane hours, on pinned clocks. */
class OfferHoursTest {

    private static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    private final OfferHours hours = OfferHours.DEFAULT;

    private static Instant local(String dateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), VANCOUVER).toInstant();
    }

    @Test
    void time_freed_at_23_50_is_offered_at_08_00_the_next_morning() {
        assertThat(hours.open(local("2027-03-01T23:50"), VANCOUVER)).isFalse();
        assertThat(hours.nextOpen(local("2027-03-01T23:50"), VANCOUVER)).isEqualTo(local("2027-03-02T08:00"));
        assertThat(hours.nextOpen(local("2027-03-02T00:17"), VANCOUVER)).isEqualTo(local("2027-03-02T08:00"));
        assertThat(hours.nextOpen(local("2027-03-02T09:30"), VANCOUVER)).isEqualTo(local("2027-03-02T09:30"));
        assertThat(hours.open(local("2027-03-02T08:00"), VANCOUVER)).isTrue();
        assertThat(hours.open(local("2027-03-02T20:00"), VANCOUVER)).isFalse();
    }

    @Test
    void a_15_minute_hold_made_at_19_55_expires_at_08_10_the_next_day() {
        assertThat(hours.expiry(local("2027-03-01T19:55"), Duration.ofMinutes(15), VANCOUVER))
                .isEqualTo(local("2027-03-02T08:10"));
        assertThat(hours.expiry(local("2027-03-01T10:00"), Duration.ofMinutes(15), VANCOUVER))
                .isEqualTo(local("2027-03-01T10:15"));
        assertThat(hours.expiry(local("2027-03-01T19:45"), Duration.ofMinutes(15), VANCOUVER))
                .isEqualTo(local("2027-03-01T20:00"));
        // Made outside the hours (an opening worked at 00:17): its minutes start at 08:00.
        assertThat(hours.expiry(local("2027-03-02T00:17"), Duration.ofMinutes(15), VANCOUVER))
                .isEqualTo(local("2027-03-02T08:15"));
        // Longer than a whole window: it runs on across nights.
        assertThat(hours.expiry(local("2027-03-01T19:00"), Duration.ofHours(13), VANCOUVER))
                .isEqualTo(local("2027-03-02T20:00"));
        assertThat(hours.expiry(local("2027-03-01T19:00"), Duration.ofHours(14), VANCOUVER))
                .isEqualTo(local("2027-03-03T09:00"));
    }

    @Test
    void the_spring_forward_night_changes_nothing_inside_the_hours() {
        // 2027-03-14: clocks go from 02:00 to 03:00 in Vancouver, outside 08:00-20:00.
        assertThat(hours.expiry(local("2027-03-13T19:55"), Duration.ofMinutes(15), VANCOUVER))
                .isEqualTo(local("2027-03-14T08:10"));
    }

    @Test
    void equal_start_and_end_offer_at_any_hour() {
        OfferHours always = new OfferHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        assertThat(always.open(local("2027-03-01T03:00"), VANCOUVER)).isTrue();
        assertThat(always.expiry(local("2027-03-01T19:55"), Duration.ofMinutes(15), VANCOUVER))
                .isEqualTo(local("2027-03-01T20:10"));
    }

    @Test
    void hours_must_start_before_they_end() {
        assertThatThrownBy(() -> new OfferHours(LocalTime.of(20, 0), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
