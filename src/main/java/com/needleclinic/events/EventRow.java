package com.needleclinic.events;

import java.time.Instant;
import java.util.UUID;

/** An event as written to the outbox, before the feed gives it a sequence; {@code data} is JSON. */
record EventRow(UUID id, EventType type, Instant occurredAt, String resourceType, UUID resourceId, UUID patientId,
                String data) {
}
