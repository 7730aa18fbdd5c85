package com.needleclinic.events;

import java.util.UUID;

/**
 * What a feature announces: the change, the resource it changed, whose data it concerns, and
 * {@code data} - a record of ids and non-clinical fields only (never note text, reasons, names or
 * contact data), serialised as JSON exactly as readers and webhook subscribers receive it.
 */
public record EventEntry(EventType type, String resourceType, UUID resourceId, UUID patientId, Object data) {

    public static EventEntry of(EventType type, String resourceType, UUID resourceId, UUID patientId, Object data) {
        return new EventEntry(type, resourceType, resourceId, patientId, data);
    }
}
