package com.needleclinic.treatment;

import com.needleclinic.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * The practitioner's record of one appointment: SOAP text, pain scores (NPRS 0-10) and, for a
 * needling service, the needling record. A DRAFT is replaced freely by its author; signing locks
 * it for good (the database refuses any later change), and corrections become amendments.
 */
@Entity
@Table(name = "treatment_note")
public class TreatmentNote {

    public enum Status { DRAFT, SIGNED }

    @Id
    private UUID id;
    @Column(name = "appointment_id")
    private UUID appointmentId;
    @Column(name = "patient_id")
    private UUID patientId;
    @Column(name = "practitioner_id")
    private UUID practitionerId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String subjective;
    private String objective;
    private String assessment;
    private String plan;
    @Column(name = "pain_before")
    private Integer painBefore;
    @Column(name = "pain_after")
    private Integer painAfter;
    @JdbcTypeCode(SqlTypes.JSON)
    private NeedlingRecord needling;
    @Column(name = "signed_at")
    private Instant signedAt;
    @Column(name = "signed_by")
    private UUID signedBy;
    @Version
    private long version;

    protected TreatmentNote() {
    }

    TreatmentNote(UUID appointmentId, UUID patientId, UUID practitionerId, Content content) {
        this.id = Ids.newId();
        this.appointmentId = appointmentId;
        this.patientId = patientId;
        this.practitionerId = practitionerId;
        this.status = Status.DRAFT;
        write(content);
    }

    /** What the practitioner writes. */
    record Content(String subjective, String objective, String assessment, String plan, Integer painBefore,
                   Integer painAfter, NeedlingRecord needling) {
    }

    /** Replaces the draft's content; a signed note never changes. */
    void replace(Content content) {
        requireDraft();
        write(content);
    }

    void sign(UUID practitioner, Instant now) {
        requireDraft();
        status = Status.SIGNED;
        signedAt = now;
        signedBy = practitioner;
    }

    void requireDraft() {
        if (status == Status.SIGNED) {
            throw new NoteLockedException(id);
        }
    }

    private void write(Content content) {
        this.subjective = content.subjective();
        this.objective = content.objective();
        this.assessment = content.assessment();
        this.plan = content.plan();
        this.painBefore = content.painBefore();
        this.painAfter = content.painAfter();
        this.needling = content.needling();
    }

    public UUID id() {
        return id;
    }

    public UUID appointmentId() {
        return appointmentId;
    }

    public UUID patientId() {
        return patientId;
    }

    public UUID practitionerId() {
        return practitionerId;
    }

    public Status status() {
        return status;
    }

    Content content() {
        return new Content(subjective, objective, assessment, plan, painBefore, painAfter, needling);
    }

    public NeedlingRecord needling() {
        return needling;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public UUID signedBy() {
        return signedBy;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreatmentNote other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Ids only: clinical content never reaches a log. */
    @Override
    public String toString() {
        return "TreatmentNote[" + id + ", " + status + "]";
    }

    static class NoteLockedException extends com.needleclinic.shared.DomainException {
        NoteLockedException(UUID id) {
            super(409, "note-locked", "Note locked", "Treatment note " + id
                    + " is signed and can no longer change; add an amendment instead");
        }
    }
}
