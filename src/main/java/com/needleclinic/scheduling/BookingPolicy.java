package com.needleclinic.scheduling;

import com.needleclinic.shared.DomainException;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
            java.time.LocalDate date = start.atZone(zone).toLocalDate();
            List<Map<String, String>> hours = schedule.stream()
                    .filter(b -> b.locationId().equals(locationId) && b.day() == date.getDayOfWeek())
                    .sorted(java.util.Comparator.comparing(WeeklyBlock::start))
                    .map(b -> Map.of("start", b.start().toString(), "end", b.end().toString())).toList();
            throw new OutsideAvailabilityException(hours.isEmpty()
                    ? "The practitioner does not work at this location on " + date + "; choose another day"
                    : "The practitioner works at this location on " + date + " only "
                    + String.join(", ", hours.stream().map(h -> h.get("start") + "-" + h.get("end")).toList())
                    + " (workingHours); the visit must fit inside one of them", hours);
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

    /** {@code workingHours}: the practitioner's blocks at the location that day (local times), when the schedule refused. */
    static class OutsideAvailabilityException extends DomainException {
        private final transient List<Map<String, String>> workingHours;

        OutsideAvailabilityException(String detail) {
            this(detail, null);
        }

        OutsideAvailabilityException(String detail, List<Map<String, String>> workingHours) {
            super(422, "outside-availability", "Outside availability", detail);
            this.workingHours = workingHours;
        }

        @Override
        public com.needleclinic.shared.Problem toProblem() {
            return workingHours == null ? super.toProblem() : super.toProblem().withExtension("workingHours", workingHours);
        }
    }
}
