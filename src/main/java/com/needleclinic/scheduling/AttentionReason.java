package com.needleclinic.scheduling;

/** Why a future visit needs the desk's attention ({@code attentionReasons}, docs/rules.md). */
final class AttentionReason {

    /** Rule 1 no longer allows it: the practitioner's certification lapsed, or the practitioner is inactive. */
    static final String PRACTITIONER_NOT_CERTIFIED = "PRACTITIONER_NOT_CERTIFIED";
    /** Its room was deactivated or lost a capability the service needs (or it needs a room and has none). */
    static final String ROOM_UNAVAILABLE = "ROOM_UNAVAILABLE";
    /** A closure of its location, made after it was booked, covers it. */
    static final String LOCATION_CLOSED = "LOCATION_CLOSED";

    private AttentionReason() {
    }
}
