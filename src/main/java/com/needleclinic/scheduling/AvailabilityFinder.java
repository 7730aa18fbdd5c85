package com.needleclinic.scheduling;

import com.needleclinic.practitioner.Modality;
import com.needleclinic.practitioner.Practitioner;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bookable slots of a service's length on the 15-minute local grid: inside a practitioner's
 * blocks at the location, outside their time off and their non-cancelled appointments (at any
 * location), starting in the future, and only on days the practitioner may perform the service's
 * modality. The grid and the blocks are local time, so a 09:00 slot is 09:00 whatever the offset.
 */
final class AvailabilityFinder {

    static final int GRID_MINUTES = 15;

    private AvailabilityFinder() {
    }

    /** What the finder needs to know about one practitioner. */
    record Calendar(Practitioner practitioner, List<WeeklyBlock> schedule, List<Period> timeOff, List<Period> busy) {
    }

    record Slot(UUID practitionerId, Instant start, Instant end) {
    }

    static List<Slot> find(Map<UUID, Calendar> calendars, UUID locationId, ZoneId zone, Modality modality,
                           Duration length, LocalDate from, LocalDate to, Instant now) {
        return find(calendars, locationId, zone, modality, length, from, to, now, slot -> true, Integer.MAX_VALUE);
    }

    /**
     * The first {@code wanted} slots that {@code admitted} lets through, in order. Days are searched in
     * order and the search stops after the day that fills the page: a later local date holds no
     * earlier slot, so "next available" over a month costs the days it needs, not the month.
     */
    static List<Slot> find(Map<UUID, Calendar> calendars, UUID locationId, ZoneId zone, Modality modality,
                           Duration length, LocalDate from, LocalDate to, Instant now,
                           java.util.function.Predicate<Slot> admitted, int wanted) {
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to) && slots.size() < wanted; date = date.plusDays(1)) {
            List<Slot> day = new ArrayList<>();
            for (Calendar calendar : calendars.values()) {
                if (calendar.practitioner().active()
                        && (modality == null || calendar.practitioner().isCertifiedFor(modality, date))) {
                    slotsOn(calendar, locationId, zone, length, date, now, day);
                }
            }
            day.removeIf(admitted.negate());
            slots.addAll(day);
        }
        slots.sort(Comparator.comparing(Slot::start).thenComparing(Slot::practitionerId));
        return slots.size() > wanted ? slots.subList(0, wanted) : slots;
    }

    private static void slotsOn(Calendar calendar, UUID locationId, ZoneId zone, Duration length, LocalDate date,
                                Instant now, List<Slot> slots) {
        for (WeeklyBlock entry : calendar.schedule()) {
            if (!entry.locationId().equals(locationId) || entry.day() != date.getDayOfWeek()) {
                continue;
            }
            for (LocalTime t = alignToGrid(entry.start()); fits(t, length, entry.end()); t = t.plusMinutes(GRID_MINUTES)) {
                ZonedDateTime local = ZonedDateTime.of(date, t, zone);
                if (!local.toLocalTime().equals(t)) {
                    continue; // inside a spring-forward gap: that local time does not exist
                }
                Instant start = local.toInstant();
                Instant end = start.plus(length);
                if (!start.isBefore(now) && isFree(calendar, start, end)
                        && BookingPolicy.withinSchedule(calendar.schedule(), locationId, zone, start, end)) {
                    slots.add(new Slot(calendar.practitioner().id(), start, end));
                }
                if (t.plusMinutes(GRID_MINUTES).isBefore(t)) {
                    break; // wrapped past midnight
                }
            }
        }
    }

    private static boolean isFree(Calendar calendar, Instant start, Instant end) {
        return calendar.timeOff().stream().noneMatch(t -> t.overlaps(start, end))
                && calendar.busy().stream().noneMatch(b -> b.overlaps(start, end));
    }

    private static LocalTime alignToGrid(LocalTime time) {
        int minutes = time.getHour() * 60 + time.getMinute() + (time.getSecond() > 0 || time.getNano() > 0 ? 1 : 0);
        int aligned = (minutes + GRID_MINUTES - 1) / GRID_MINUTES * GRID_MINUTES;
        return aligned >= 24 * 60 ? LocalTime.MAX : LocalTime.of(aligned / 60, aligned % 60);
    }

    private static boolean fits(LocalTime start, Duration length, LocalTime blockEnd) {
        long startMinute = start.toSecondOfDay() / 60;
        return start != LocalTime.MAX && startMinute + length.toMinutes() <= blockEnd.toSecondOfDay() / 60;
    }
}
