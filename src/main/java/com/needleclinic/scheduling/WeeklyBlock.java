package com.needleclinic.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

/** A weekly working block at one location, [start, end) in the location's local time. */
record WeeklyBlock(UUID locationId, DayOfWeek day, LocalTime start, LocalTime end) {

    /**
     * Whether [from, to) lies inside the block on the real timeline: the block is placed on the
     * visit's local date and turned into instants, so on the night clocks fall back a block of
     * 00:00-23:59 lasts 25 hours and a visit 01:30-02:30 (whose local end is its local start, or
     * before it) is inside it. On the night they spring forward a local time that does not exist
     * moves to the first one after the gap.
     */
    boolean covers(UUID location, ZoneId zone, Instant from, Instant to) {
        LocalDate date = from.atZone(zone).toLocalDate();
        if (!locationId.equals(location) || day != date.getDayOfWeek() || !to.isAfter(from)) {
            return false;
        }
        Instant opens = ZonedDateTime.of(date, start, zone).withEarlierOffsetAtOverlap().toInstant();
        Instant closes = ZonedDateTime.of(date, end, zone).withLaterOffsetAtOverlap().toInstant();
        return !from.isBefore(opens) && !to.isAfter(closes);
    }
}
