package com.needleclinic.events;

import java.util.List;

/**
 * A page of the feed. {@code lastSequence} is where to resume: the last event's sequence, or with
 * a {@code types} filter the last sequence examined, so the next page skips what did not match.
 */
public record EventPage(List<EventView> items, long lastSequence) {
}
