package com.needleclinic.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.UUID;

/** An event as the feed shows it, and as a webhook's {@code data} carries it. */
@JsonPropertyOrder({"id", "sequence", "type", "occurredAt", "resourceType", "resourceId", "patientId", "data"})
public record EventView(UUID id, long sequence, String type, Instant occurredAt, String resourceType, UUID resourceId,
                        UUID patientId, @JsonRawValue String data) {
}
