package com.needleclinic.catalog;

import com.needleclinic.practitioner.Modality;
import com.needleclinic.room.Capabilities;
import com.needleclinic.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.util.UUID;

/**
 * Something the clinic sells, e.g. "IMS follow-up, 30 min". A service with a modality can only be
 * booked with a practitioner certified for it; one without (an assessment) with anyone active.
 */
@Entity
@Table(name = "clinic_service")
public class ClinicService {

    /**
     * The longest service, so that a visit's length is bounded (scheduling.Appointment.LONGEST is
     * this; the database's appointment_longest(), tied to it by RuleTextTest).
     */
    public static final int LONGEST_MINUTES = 480;


    @Id
    private UUID id;
    private String name;
    @Enumerated(EnumType.STRING)
    private Modality modality;
    @Column(name = "duration_minutes")
    private int durationMinutes;
    @Column(name = "price_cents")
    private long priceCents;
    private String currency;
    @Column(name = "billing_code")
    private String billingCode;
    @Column(name = "required_capabilities")
    private String requiredCapabilities;
    @Version
    private long version;

    protected ClinicService() {
    }

    ClinicService(Terms terms) {
        this.id = Ids.newId();
        update(terms);
    }

    /** What is sold, for how long, at what price, and how insurers are billed for it. */
    record Terms(String name, Modality modality, int durationMinutes, long priceCents, String currency,
                 String billingCode, String requiredCapabilities) {
    }

    void update(Terms terms) {
        this.name = terms.name().strip();
        this.modality = terms.modality();
        this.durationMinutes = terms.durationMinutes();
        this.priceCents = terms.priceCents();
        this.currency = terms.currency();
        this.billingCode = terms.billingCode().strip();
        this.requiredCapabilities = terms.requiredCapabilities();
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** What a room must offer for this service (a treatment bed ...); empty when it needs no room. */
    public java.util.List<String> requiredCapabilities() {
        return Capabilities.list(requiredCapabilities);
    }

    /** The needling modality the service requires, or null. */
    public Modality modality() {
        return modality;
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public long priceCents() {
        return priceCents;
    }

    public String currency() {
        return currency;
    }

    public String billingCode() {
        return billingCode;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClinicService other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "ClinicService[" + id + "]";
    }
}
