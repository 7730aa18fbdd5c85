package com.needleclinic.scheduling;

import com.needleclinic.shared.DomainException;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Rule 2 (docs/rules.md), "inside availability": an appointment starts in the future and lies wholly
 * inside one of the practitioner's weekly blocks at its location (in local time, so daylight
 * saving never shifts it) and outside their time off.
 */
final class BookingPolicy {

    private BookingPolicy() {
    }

    static void requireFuture(Instant start, Instant now) {
        if (start.isBefore(now)) {
            throw new StartInPastException(start);
        }
    }

    static void requireAvailable(List<WeeklyBlock> schedule, List<Period> timeOff, UUID locationId, ZoneId zone,
                                 Instant start, Instant end) {
        if (!withinSchedule(schedule, locationId, zone, start, end)) {
            throw new OutsideAvailabilityException("The practitioner does not work at this location at that time");
        }
        if (timeOff.stream().anyMatch(t -> t.overlaps(start, end))) {
            throw new OutsideAvailabilityException("The practitioner is off at that time");
        }
    }

    /** Inside one weekly block, judged on the real timeline (see {@link WeeklyBlock#covers}). */
    static boolean withinSchedule(List<WeeklyBlock> schedule, UUID locationId, ZoneId zone, Instant start, Instant end) {
        return schedule.stream().anyMatch(e -> e.covers(locationId, zone, start, end));
    }

    static class StartInPastException extends DomainException {
        StartInPastException(Instant start) {
            super(422, "start-in-past", "Start in the past", "The appointment would start at " + start
                    + ", which has passed");
        }
    }

    static class OutsideAvailabilityException extends DomainException {
        OutsideAvailabilityException(String detail) {
            super(422, "outside-availability", "Outside availability", detail);
        }
    }
}
