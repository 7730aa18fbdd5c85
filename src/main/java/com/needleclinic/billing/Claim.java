package com.needleclinic.billing;

import com.needleclinic.shared.DomainException;
import com.needleclinic.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A direct-billing claim: what a Canadian extended-health insurer needs to pay for one visit,
 * frozen when the note was signed. Adjudicated once: PAID (up to the amount) or REJECTED.
 */
@Entity
public class Claim {

    public enum Status { SUBMITTED, PAID, REJECTED }

    @Id
    private UUID id;
    @Column(name = "note_id")
    private UUID noteId;
    @Column(name = "appointment_id")
    private UUID appointmentId;
    @Column(name = "patient_id")
    private UUID patientId;
    @Column(name = "coverage_id")
    private UUID coverageId;
    @Column(name = "insurer_id")
    private UUID insurerId;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "service_date")
    private LocalDate serviceDate;
    @Column(name = "patient_first_name")
    private String patientFirstName;
    @Column(name = "patient_last_name")
    private String patientLastName;
    @Column(name = "patient_date_of_birth")
    private LocalDate patientDateOfBirth;
    @Column(name = "policy_number")
    private String policyNumber;
    @Column(name = "member_id")
    private String memberId;
    private String relationship;
    @Column(name = "practitioner_name")
    private String practitionerName;
    @Column(name = "practitioner_discipline")
    private String practitionerDiscipline;
    @Column(name = "practitioner_registration_number")
    private String practitionerRegistrationNumber;
    @Column(name = "practitioner_province")
    private String practitionerProvince;
    @Column(name = "service_name")
    private String serviceName;
    @Column(name = "billing_code")
    private String billingCode;
    private String modality;
    @Column(name = "amount_cents")
    private long amountCents;
    private String currency;
    @Column(name = "paid_cents")
    private Long paidCents;
    @Column(name = "adjudication_reason")
    private String adjudicationReason;
    @Column(name = "adjudicated_at")
    private Instant adjudicatedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "practitioner_registration_body")
    private String practitionerRegistrationBody;
    @Column(name = "location_name")
    private String locationName;
    @Column(name = "location_province")
    private String locationProvince;
    @Column(name = "insurer_code")
    private String insurerCode;
    @Version
    private long version;

    protected Claim() {
    }

    Claim(ClaimSnapshot s, Instant now) {
        this.id = Ids.newId();
        this.noteId = s.noteId();
        this.appointmentId = s.appointmentId();
        this.patientId = s.patientId();
        this.coverageId = s.coverageId();
        this.insurerId = s.insurerId();
        this.status = Status.SUBMITTED;
        this.serviceDate = s.serviceDate();
        this.patientFirstName = s.patientFirstName();
        this.patientLastName = s.patientLastName();
        this.patientDateOfBirth = s.patientDateOfBirth();
        this.policyNumber = s.policyNumber();
        this.memberId = s.memberId();
        this.relationship = s.relationship();
        this.practitionerName = s.practitionerName();
        this.practitionerDiscipline = s.practitionerDiscipline();
        this.practitionerRegistrationNumber = s.practitionerRegistrationNumber();
        this.practitionerProvince = s.practitionerProvince();
        this.practitionerRegistrationBody = s.practitionerRegistrationBody();
        this.locationName = s.locationName();
        this.locationProvince = s.locationProvince();
        this.insurerCode = s.insurerCode();
        this.serviceName = s.serviceName();
        this.billingCode = s.billingCode();
        this.modality = s.modality();
        this.amountCents = s.amountCents();
        this.currency = s.currency();
        this.createdAt = now;
    }

    /**
     * Paid in full or in part. An insurer that pays less than claimed says why (coinsurance, a
     * plan maximum): the clinic bills the patient the rest and must be able to explain it.
     */
    void pay(long cents, String reason, Instant now) {
        requireSubmitted();
        if (cents < 0 || cents > amountCents) {
            throw new com.needleclinic.shared.InvalidRequestException("paidCents",
                    "must be between 0 and the claimed " + amountCents);
        }
        if (cents < amountCents && reason == null) {
            throw new com.needleclinic.shared.InvalidRequestException("reason", "is required for a partial payment");
        }
        status = Status.PAID;
        paidCents = cents;
        adjudicationReason = reason;
        adjudicatedAt = now;
    }

    void reject(String reason, Instant now) {
        requireSubmitted();
        status = Status.REJECTED;
        adjudicationReason = reason;
        adjudicatedAt = now;
    }

    private void requireSubmitted() {
        if (status != Status.SUBMITTED) {
            throw new AlreadyAdjudicatedException(id);
        }
    }

    ClaimSnapshot snapshot() {
        return new ClaimSnapshot(noteId, appointmentId, patientId, coverageId, insurerId, serviceDate, patientFirstName,
                patientLastName, patientDateOfBirth, policyNumber, memberId, relationship, practitionerName,
                practitionerDiscipline, practitionerRegistrationNumber, practitionerProvince, serviceName, billingCode,
                modality, amountCents, currency, practitionerRegistrationBody, locationName, locationProvince, insurerCode);
    }

    public UUID id() {
        return id;
    }

    public UUID insurerId() {
        return insurerId;
    }

    public UUID patientId() {
        return patientId;
    }

    public Status status() {
        return status;
    }

    public Long paidCents() {
        return paidCents;
    }

    public String adjudicationReason() {
        return adjudicationReason;
    }

    public Instant adjudicatedAt() {
        return adjudicatedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Claim other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Ids only: names and policy numbers never reach a log. */
    @Override
    public String toString() {
        return "Claim[" + id + ", " + status + "]";
    }

    static class AlreadyAdjudicatedException extends DomainException {
        AlreadyAdjudicatedException(UUID id) {
            super(409, "already-adjudicated", "Already adjudicated", "Claim " + id + " was already adjudicated");
        }
    }
}
