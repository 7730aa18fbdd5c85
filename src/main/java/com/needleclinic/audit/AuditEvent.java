package com.needleclinic.audit;

import com.needleclinic.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** One read or change of patient data: who, when, what, on which resource and patient, and the outcome. */
@Entity
@Table(name = "audit_event")
@Immutable
public class AuditEvent {

    public enum Outcome { SUCCESS, DENIED }

    @Id
    private UUID id;
    private Instant at;
    private String actor;
    private String role;
    private String action;
    @Column(name = "resource_type")
    private String resourceType;
    @Column(name = "resource_id")
    private UUID resourceId;
    @Column(name = "patient_id")
    private UUID patientId;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    protected AuditEvent() {
    }

    AuditEvent(Instant at, String actor, String role, AuditEntry entry, Outcome outcome) {
        this.id = Ids.newId();
        this.at = at;
        this.actor = actor;
        this.role = role;
        this.action = entry.action().name();
        this.resourceType = entry.resourceType();
        this.resourceId = entry.resourceId();
        this.patientId = entry.patientId();
        this.outcome = outcome;
    }

    public UUID id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String role() {
        return role;
    }

    public String action() {
        return action;
    }

    public String resourceType() {
        return resourceType;
    }

    public UUID resourceId() {
        return resourceId;
    }

    public UUID patientId() {
        return patientId;
    }

    public Outcome outcome() {
        return outcome;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditEvent other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AuditEvent[" + id + ", " + action + " " + resourceType + " " + resourceId + ", " + outcome + "]";
    }
}
