package com.needleclinic.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The suitable rooms of a location and their busy periods, for availability: a slot is offered
 * only when at least one of them is free for the whole visit. {@link #NOT_NEEDED} admits every
 * slot (a service that needs no room).
 */
record RoomCalendar(List<UUID> rooms, Map<UUID, List<Period>> busy) {

    static final RoomCalendar NOT_NEEDED = new RoomCalendar(null, Map.of());

    boolean anyFree(Instant start, Instant end) {
        if (rooms == null) {
            return true;
        }
        for (UUID room : rooms) {
            if (busy.getOrDefault(room, List.of()).stream().noneMatch(p -> p.overlaps(start, end))) {
                return true;
            }
        }
        return false;
    }
}
