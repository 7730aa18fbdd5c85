package com.needleclinic.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The changes the service announces (docs/events.md), by their names on the wire. */
public enum EventType {
    APPOINTMENT_BOOKED("appointment.booked"),
    APPOINTMENT_RESCHEDULED("appointment.rescheduled"),
    APPOINTMENT_CANCELLED("appointment.cancelled"),
    APPOINTMENT_CHECKED_IN("appointment.checked_in"),
    APPOINTMENT_NO_SHOW("appointment.no_show"),
    APPOINTMENT_COMPLETED("appointment.completed"),
    APPOINTMENT_NEEDS_ATTENTION("appointment.needs_attention"),
    SERIES_BOOKED("series.booked"),
    SERIES_CANCELLED("series.cancelled"),
    PATIENT_CREATED("patient.created"),
    PATIENT_UPDATED("patient.updated"),
    CERTIFICATION_CHANGED("certification.changed"),
    TREATMENT_NOTE_SIGNED("treatment_note.signed"),
    TREATMENT_NOTE_AMENDED("treatment_note.amended"),
    CLAIM_SUBMITTED("claim.submitted"),
    CLAIM_ADJUDICATED("claim.adjudicated"),
    WAITLIST_OFFER_MADE("waitlist.offer_made"),
    WAITLIST_OFFER_ACCEPTED("waitlist.offer_accepted"),
    WAITLIST_OFFER_DECLINED("waitlist.offer_declined"),
    WAITLIST_OFFER_EXPIRED("waitlist.offer_expired"),
    ROOM_CHANGED("room.changed");

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
