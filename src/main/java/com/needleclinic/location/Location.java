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
    @Column(name = "address_line1")
    private String addressLine1;
    @Column(name = "address_line2")
    private String addressLine2;
    @Column(name = "address_city")
    private String addressCity;
    @Column(name = "address_postal_code")
    private String addressPostalCode;
    private String phone;
    @Column(name = "business_number")
    private String businessNumber;
    @Column(name = "offer_hours_start")
    private java.time.LocalTime offerHoursStart = OfferHours.DEFAULT.start();
    @Column(name = "offer_hours_end")
    private java.time.LocalTime offerHoursEnd = OfferHours.DEFAULT.end();
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

    /** How to find and call the clinic (already normalised, LocationDtos). */
    void contact(LocationDtos.LocationAddress address, String phone, String businessNumber) {
        this.addressLine1 = address == null ? null : address.line1();
        this.addressLine2 = address == null ? null : address.line2();
        this.addressCity = address == null ? null : address.city();
        this.addressPostalCode = address == null ? null : address.postalCode();
        this.phone = phone;
        this.businessNumber = businessNumber;
    }

    public LocationDtos.LocationAddress address() {
        return addressLine1 == null ? null
                : new LocationDtos.LocationAddress(addressLine1, addressLine2, addressCity, addressPostalCode);
    }

    void offerDuring(OfferHours hours) {
        this.offerHoursStart = hours.start();
        this.offerHoursEnd = hours.end();
    }

    /** When its waitlist may offer time (docs/rules.md, "Waitlist offers at sane hours"). */
    public OfferHours offerHours() {
        return new OfferHours(offerHoursStart, offerHoursEnd);
    }

    public String phone() {
        return phone;
    }

    public String businessNumber() {
        return businessNumber;
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
