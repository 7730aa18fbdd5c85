package com.needleclinic.location;

import com.fasterxml.jackson.databind.JsonNode;
import com.needleclinic.location.LocationDtos.LocationRequest;
import com.needleclinic.location.LocationDtos.LocationView;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.IfMatch;
import com.needleclinic.shared.MergePatch;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.ResourceNotFoundException;
import com.needleclinic.shared.Versioned;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.ZoneId;
import java.util.UUID;

@ApplicationScoped
public class LocationService {

    private final LocationRepository locations;
    private final MergePatch mergePatch;

    LocationService(LocationRepository locations, MergePatch mergePatch) {
        this.locations = locations;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public Created<LocationView> create(LocationRequest request) {
        LocationRequest normalized = request.normalized();
        Location location = new Location(request.name(), ZoneId.of(request.timeZone()), request.province());
        location.contact(normalized.address(), normalized.phone(), normalized.businessNumber());
        location.offerDuring(normalized.offerHours().hours());
        locations.persistAndFlush(location);
        Log.infof("Created location %s", location.id());
        return new Created<>("/api/v1/locations/" + location.id(), location.version(), LocationView.of(location));
    }

    @Transactional
    public Versioned<LocationView> get(UUID id) {
        Location location = find(id);
        return new Versioned<>(location.version(), LocationView.of(location));
    }

    @Transactional
    public Page<LocationView> list(PageRequest page) {
        return page.toPage(locations.page(page.fetchOneMore()), Location::id, LocationView::of);
    }

    @Transactional
    public Versioned<LocationView> patch(UUID id, JsonNode patch, IfMatch ifMatch) {
        Location location = find(id);
        ifMatch.verify(location.version());
        LocationRequest merged = mergePatch.apply(LocationView.of(location).asRequest(), patch, LocationRequest.class)
                .normalized();
        location.rename(merged.name());
        location.relocate(ZoneId.of(merged.timeZone()), merged.province());
        location.contact(merged.address(), merged.phone(), merged.businessNumber());
        location.offerDuring(merged.offerHours().hours());
        locations.flush();
        return new Versioned<>(location.version(), LocationView.of(location));
    }

    /** For other features: the location, if it exists. */
    @Transactional
    public java.util.Optional<Location> lookup(UUID id) {
        return locations.findByIdOptional(id);
    }

    /** For other features: the location, or 404. */
    @Transactional
    public Location require(UUID id) {
        return find(id);
    }

    private Location find(UUID id) {
        return locations.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Location", id));
    }
}
