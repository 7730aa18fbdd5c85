package com.needleclinic.waitlist;

import com.needleclinic.scheduling.InvalidTransitionException;
import com.needleclinic.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A patient waiting for a visit (docs/rules.md, "Waitlist and offers"): WAITING until a slot that
 * fits frees and is held for them (OFFERED), then FULFILLED when they accept, or back to WAITING when
 * they decline or the offer expires; CANCELLED when they no longer wait.
 */
@Entity
@Table(name = "waitlist_entry")
public class WaitlistEntry {

    public enum Priority { URGENT, NORMAL }

    public enum Status { WAITING, OFFERED, FULFILLED, CANCELLED }

    @Id
    private UUID id;
    @Column(name = "patient_id")
    private UUID patientId;
    @Column(name = "service_id")
    private UUID serviceId;
    @Column(name = "location_id")
    private UUID locationId;
    @Column(name = "practitioner_id")
    private UUID practitionerId;
    private Instant earliest;
    private Instant latest;
    @Enumerated(EnumType.STRING)
    private Priority priority;
    @Column(name = "replaces_appointment_id")
    private UUID replacesAppointmentId;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "offer_appointment_id")
    private UUID offerAppointmentId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected WaitlistEntry() {
    }

    WaitlistEntry(UUID patientId, UUID serviceId, UUID locationId, UUID practitionerId, Instant earliest,
                  Instant latest, Priority priority, UUID replacesAppointmentId, Instant createdAt) {
        if (!latest.isAfter(earliest)) {
            throw new IllegalArgumentException("latest must be after earliest");
        }
        this.id = Ids.newId();
        this.patientId = patientId;
        this.serviceId = serviceId;
        this.locationId = locationId;
        this.practitionerId = practitionerId;
        this.earliest = earliest;
        this.latest = latest;
        this.priority = priority;
        this.replacesAppointmentId = replacesAppointmentId;
        this.status = Status.WAITING;
        this.createdAt = createdAt;
    }

    /** A hold was placed for this entry. */
    void offered(UUID appointmentId) {
        require(Status.WAITING, "be offered a slot");
        status = Status.OFFERED;
        offerAppointmentId = appointmentId;
    }

    /** The offer was declined, expired or withdrawn: the patient waits on for the next slot that frees. */
    void offerEnded() {
        require(Status.OFFERED, "end an offer");
        status = Status.WAITING;
        offerAppointmentId = null;
    }

    /** The patient accepted: the entry is done, and names the visit it became. */
    void fulfilled() {
        require(Status.OFFERED, "be fulfilled");
        status = Status.FULFILLED;
    }

    /** The patient no longer waits. A fulfilled or cancelled entry stays as it is. */
    void cancel() {
        if (status == Status.FULFILLED || status == Status.CANCELLED) {
            throw new InvalidTransitionException("A " + status + " waitlist entry cannot be cancelled");
        }
        status = Status.CANCELLED;
        offerAppointmentId = null;
    }

    private void require(Status expected, String move) {
        if (status != expected) {
            throw new InvalidTransitionException("A " + status + " waitlist entry cannot " + move);
        }
    }

    public UUID id() {
        return id;
    }

    public UUID patientId() {
        return patientId;
    }

    public UUID serviceId() {
        return serviceId;
    }

    public UUID locationId() {
        return locationId;
    }

    public UUID practitionerId() {
        return practitionerId;
    }

    public Instant earliest() {
        return earliest;
    }

    public Instant latest() {
        return latest;
    }

    public Priority priority() {
        return priority;
    }

    public UUID replacesAppointmentId() {
        return replacesAppointmentId;
    }

    public Status status() {
        return status;
    }

    public UUID offerAppointmentId() {
        return offerAppointmentId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WaitlistEntry other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "WaitlistEntry[" + id + ", " + status + "]";
    }
}
