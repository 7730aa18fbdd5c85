package com.needleclinic.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.needleclinic.events.EventEntry;
import com.needleclinic.events.EventLog;
import com.needleclinic.events.EventType;
import com.needleclinic.location.LocationService;
import com.needleclinic.room.RoomDtos.RoomChangeView;
import com.needleclinic.room.RoomDtos.RoomRequest;
import com.needleclinic.room.RoomDtos.RoomView;
import com.needleclinic.shared.ConflictException;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.IfMatch;
import com.needleclinic.shared.KnownConstraints;
import com.needleclinic.shared.MergePatch;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.Problem;
import com.needleclinic.shared.ResourceNotFoundException;
import com.needleclinic.shared.Versioned;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Rooms of a location (admin writes, front desk reads; docs/rules.md, "Rooms"). */
@ApplicationScoped
public class RoomService implements KnownConstraints {

    static final String RESOURCE = "ROOM";

    private final RoomRepository rooms;
    private final LocationService locations;
    private final MergePatch mergePatch;
    private final RoomedWork roomedWork;
    private final EventLog events;

    RoomService(RoomRepository rooms, LocationService locations, MergePatch mergePatch, RoomedWork roomedWork,
                EventLog events) {
        this.rooms = rooms;
        this.locations = locations;
        this.mergePatch = mergePatch;
        this.roomedWork = roomedWork;
        this.events = events;
    }

    @Transactional
    public Created<RoomView> create(UUID locationId, RoomRequest request) {
        locations.require(locationId);
        requireFreeName(locationId, request.name(), null);
        Room room = new Room(locationId, request.name(), Capabilities.of("capabilities", request.capabilities()),
                request.active());
        rooms.persistAndFlush(room);
        events.emit(changed(room, List.of()));
        Log.infof("Room %s created at location %s", room.id(), locationId);
        return new Created<>("/api/v1/rooms/" + room.id(), room.version(), RoomView.of(room));
    }

    @Transactional
    public Page<RoomView> list(UUID locationId, PageRequest page) {
        locations.require(locationId);
        return page.toPage(rooms.atLocation(locationId, page.fetchOneMore()), Room::id, RoomView::of);
    }

    @Transactional
    public Versioned<RoomView> get(UUID id) {
        Room room = require(id);
        return new Versioned<>(room.version(), RoomView.of(room));
    }

    /**
     * Renames, changes capabilities, deactivates or reactivates. The answer lists the future visits
     * the room no longer serves (deactivated, or a capability their service needs taken away): they
     * need the desk's attention, like the visits a certification change strands.
     */
    @Transactional
    public Versioned<RoomChangeView> patch(UUID id, JsonNode patch, IfMatch ifMatch) {
        Room room = require(id);
        ifMatch.verify(room.version());
        RoomRequest merged = mergePatch.apply(RoomView.of(room).asRequest(), patch, RoomRequest.class);
        requireFreeName(room.locationId(), merged.name(), id);
        List<UUID> before = roomedWork.unservedFutureAppointments(id);
        room.update(merged.name(), Capabilities.of("capabilities", merged.capabilities()), merged.active());
        rooms.flush();
        List<UUID> affected = roomedWork.unservedFutureAppointments(id);
        events.emit(changed(room, affected));
        roomedWork.announceUnserved(affected.stream().filter(a -> !before.contains(a)).toList());
        Log.infof("Room %s changed (active: %s); %d future visits unserved", id, room.active(), affected.size());
        return new Versioned<>(room.version(), RoomChangeView.of(room, affected));
    }

    /** For availability: the active rooms of the location that offer every one of these capabilities. */
    @Transactional
    public List<UUID> suitable(UUID locationId, List<String> capabilities) {
        return rooms.suitable(locationId, String.join(",", capabilities));
    }

    private Room require(UUID id) {
        return rooms.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Room", id));
    }

    private void requireFreeName(UUID locationId, String name, UUID self) {
        if (rooms.nameTakenByOther(locationId, name, self)) {
            throw duplicateName();
        }
    }

    private static ConflictException duplicateName() {
        return new ConflictException("duplicate-room-name", "Duplicate room name",
                "Another room of this location already has this name");
    }

    /** {@code room.changed}: what the room is now, and the visits it no longer serves. */
    private static EventEntry changed(Room room, List<UUID> unserved) {
        return EventEntry.of(EventType.ROOM_CHANGED, RESOURCE, room.id(), null, new RoomChanged(room.id(),
                room.locationId(), room.capabilities(), room.active(), List.copyOf(unserved)));
    }

    record RoomChanged(UUID roomId, UUID locationId, List<String> capabilities, boolean active,
                       List<UUID> unservedAppointmentIds) {
    }

    @Override
    public Map<String, Problem> problemsByConstraint() {
        return Map.of("room_name_unique", duplicateName().toProblem());
    }
}
