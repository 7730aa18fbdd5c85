package com.needleclinic.room;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** What clients send and receive for rooms. */
public final class RoomDtos {

    private RoomDtos() {
    }

    /** Create body, and the shape a merge patch is applied to. */
    public record RoomRequest(@NotBlank @Size(max = 100) String name, List<String> capabilities, Boolean active) {
        // On create, absent or null means the default; a merge patch's null comes back with it,
        // and MergePatch refuses that (400, the stored value kept).
        public RoomRequest {
            active = active == null || active;
            capabilities = capabilities == null ? List.of() : capabilities;
        }
    }

    public record RoomView(UUID id, UUID locationId, String name, List<String> capabilities, boolean active) {
        static RoomView of(Room room) {
            return new RoomView(room.id(), room.locationId(), room.name(), room.capabilities(), room.active());
        }

        RoomRequest asRequest() {
            return new RoomRequest(name, capabilities, active);
        }
    }

    /** A change's answer: the room, and the future visits it no longer serves (now needing attention). */
    public record RoomChangeView(UUID id, UUID locationId, String name, List<String> capabilities, boolean active,
                                 List<UUID> affectedAppointmentIds) {
        static RoomChangeView of(Room room, List<UUID> affected) {
            return new RoomChangeView(room.id(), room.locationId(), room.name(), room.capabilities(), room.active(),
                    List.copyOf(affected));
        }
    }
}
