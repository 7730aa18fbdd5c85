package com.needleclinic.patient;

import com.needleclinic.practitioner.Modality;
import com.needleclinic.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The patient's informed consent to one needling modality. Colleges require it before needling;
 * it holds from the day it is given until the day it is withdrawn (that day excluded).
 */
@Entity
public class Consent {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id")
    private Patient patient;
    @Enumerated(EnumType.STRING)
    private Modality modality;
    @Column(name = "given_on")
    private LocalDate givenOn;
    @Column(name = "withdrawn_on")
    private LocalDate withdrawnOn;
    @Version
    private long version;

    protected Consent() {
    }

    Consent(Patient patient, Modality modality, LocalDate givenOn) {
        this.id = Ids.newId();
        this.patient = patient;
        this.modality = modality;
        this.givenOn = givenOn;
    }

    /** Withdrawal is final and takes effect on {@code date}. */
    void withdraw(LocalDate date) {
        if (withdrawnOn != null) {
            throw new ConsentAlreadyWithdrawnException(id);
        }
        if (date.isBefore(givenOn)) {
            throw new com.needleclinic.shared.InvalidRequestException("withdrawnOn", "must not be before givenOn");
        }
        this.withdrawnOn = date;
    }

    /** Whether this consent covers {@code wanted} on {@code date}: given on or before it, not yet withdrawn. */
    public boolean covers(Modality wanted, LocalDate date) {
        return modality == wanted && !date.isBefore(givenOn) && (withdrawnOn == null || date.isBefore(withdrawnOn));
    }

    public UUID id() {
        return id;
    }

    public Modality modality() {
        return modality;
    }

    public LocalDate givenOn() {
        return givenOn;
    }

    public LocalDate withdrawnOn() {
        return withdrawnOn;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Consent other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Consent[" + id + ", " + modality + "]";
    }

    static class ConsentAlreadyWithdrawnException extends com.needleclinic.shared.DomainException {
        ConsentAlreadyWithdrawnException(UUID id) {
            super(409, "consent-already-withdrawn", "Consent already withdrawn",
                    "Consent " + id + " was already withdrawn");
        }
    }
}
