package com.needleclinic.scheduling;

import java.time.Instant;

/** A half-open span of time [start, end): a time off, or an appointment keeping a practitioner busy. */
record Period(Instant start, Instant end) {

    boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && from.isBefore(end);
    }
}
