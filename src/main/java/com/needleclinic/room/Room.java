package com.needleclinic.room;

import com.needleclinic.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.util.List;
import java.util.UUID;

/** A treatment room of a location and what it offers (a bed, an e-stim unit, privacy). */
@Entity
public class Room {

    @Id
    private UUID id;
    @Column(name = "location_id")
    private UUID locationId;
    private String name;
    private String capabilities;
    private boolean active;
    @Version
    private long version;

    protected Room() {
    }

    Room(UUID locationId, String name, String capabilities, boolean active) {
        this.id = Ids.newId();
        this.locationId = locationId;
        update(name, capabilities, active);
    }

    void update(String newName, String newCapabilities, boolean nowActive) {
        this.name = newName.strip();
        this.capabilities = newCapabilities;
        this.active = nowActive;
    }

    public UUID id() {
        return id;
    }

    public UUID locationId() {
        return locationId;
    }

    public String name() {
        return name;
    }

    public List<String> capabilities() {
        return Capabilities.list(capabilities);
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Room other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Room[" + id + "]";
    }
}
