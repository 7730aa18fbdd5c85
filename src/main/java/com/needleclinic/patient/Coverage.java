package com.needleclinic.patient;

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

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An extended-health insurance plan that pays for the patient's care over an inclusive period. */
@Entity
public class Coverage {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id")
    private Patient patient;
    @Column(name = "insurer_id")
    private UUID insurerId;
    @Column(name = "policy_number")
    private String policyNumber;
    @Column(name = "member_id")
    private String memberId;
    @Enumerated(EnumType.STRING)
    private Relationship relationship;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_until")
    private LocalDate validUntil;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected Coverage() {
    }

    Coverage(Patient patient, Plan plan, Instant createdAt) {
        if (plan.validUntil() != null && plan.validUntil().isBefore(plan.validFrom())) {
            throw new IllegalArgumentException("validUntil before validFrom");
        }
        this.id = Ids.newId();
        this.patient = patient;
        this.insurerId = plan.insurerId();
        this.policyNumber = plan.policyNumber().strip();
        this.memberId = plan.memberId().strip();
        this.relationship = plan.relationship();
        this.validFrom = plan.validFrom();
        this.validUntil = plan.validUntil();
        this.createdAt = createdAt;
    }

    /** What the insurer's card says. */
    record Plan(UUID insurerId, String policyNumber, String memberId, Relationship relationship,
                LocalDate validFrom, LocalDate validUntil) {
    }

    /** Valid on {@code date}, both ends of the period inclusive. */
    public boolean isValidOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validUntil == null || !date.isAfter(validUntil));
    }

    public UUID id() {
        return id;
    }

    public UUID insurerId() {
        return insurerId;
    }

    public String policyNumber() {
        return policyNumber;
    }

    public String memberId() {
        return memberId;
    }

    public Relationship relationship() {
        return relationship;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public long version() {
        return version;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Coverage other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Coverage[" + id + "]";
    }
}
