package com.needleclinic.location;

import com.needleclinic.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.ZoneId;
import java.util.UUID;

/** A clinic of the group. Its time zone turns schedules and appointment dates into local time. */
@Entity
public class Location {

    @Id
    private UUID id;
    private String name;
    @Column(name = "time_zone")
    private String timeZone;
    @Enumerated(EnumType.STRING)
    private Province province;
    @Version
    private long version;

    protected Location() {
    }

    Location(String name, ZoneId timeZone, Province province) {
        this.id = Ids.newId();
        rename(name);
        relocate(timeZone, province);
    }

    void rename(String newName) {
        this.name = newName.strip();
    }

    void relocate(ZoneId newZone, Province newProvince) {
        this.timeZone = newZone.getId();
        this.province = newProvince;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Province province() {
        return province;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Location other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Location[" + id + "]";
    }
}
