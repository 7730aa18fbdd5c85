package com.needleclinic.scheduling;

/** HELD: a waitlist offer not yet answered (docs/rules.md, "Waitlist and offers"). */
public enum AppointmentStatus {
    HELD, BOOKED, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW
}
