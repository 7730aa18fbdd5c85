package com.needleclinic.scheduling;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/** A weekly working block at one location, [start, end) in the location's local time. */
record WeeklyBlock(UUID locationId, DayOfWeek day, LocalTime start, LocalTime end) {

    /** Whether [from, to) on {@code day} at {@code location} lies inside the block. */
    boolean covers(UUID location, DayOfWeek on, LocalTime from, LocalTime to) {
        return locationId.equals(location) && day == on && !from.isBefore(start) && !to.isAfter(end)
                && to.isAfter(from);
    }
}
