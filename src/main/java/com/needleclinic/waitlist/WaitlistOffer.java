package com.needleclinic.waitlist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One offer made to a waitlist entry (its hold's appointment id), and how it ended. */
@Entity
@Table(name = "waitlist_offer")
public class WaitlistOffer {

    public enum Outcome { OPEN, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN }

    @Id
    @Column(name = "appointment_id")
    private UUID appointmentId;
    @Column(name = "entry_id")
    private UUID entryId;
    @Column(name = "practitioner_id")
    private UUID practitionerId;
    @Column(name = "start_at")
    private Instant startAt;
    @Column(name = "end_at")
    private Instant endAt;
    @Column(name = "made_at")
    private Instant madeAt;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Column(name = "ended_at")
    private Instant endedAt;

    protected WaitlistOffer() {
    }

    WaitlistOffer(UUID appointmentId, UUID entryId, UUID practitionerId, Instant start, Instant end, Instant madeAt) {
        this.appointmentId = appointmentId;
        this.entryId = entryId;
        this.practitionerId = practitionerId;
        this.startAt = start;
        this.endAt = end;
        this.madeAt = madeAt;
        this.outcome = Outcome.OPEN;
    }

    void ended(Outcome how, Instant now) {
        if (outcome != Outcome.OPEN || how == Outcome.OPEN) {
            throw new IllegalStateException("offer " + appointmentId + " already ended");
        }
        outcome = how;
        endedAt = now;
    }

    /** The same practitioner's time overlapping [start, end): not offered again to an entry that let it go. */
    boolean covers(UUID practitioner, Instant start, Instant end) {
        return practitionerId.equals(practitioner) && startAt.isBefore(end) && endAt.isAfter(start);
    }

    public UUID appointmentId() {
        return appointmentId;
    }

    public UUID entryId() {
        return entryId;
    }

    public Instant start() {
        return startAt;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Instant madeAt() {
        return madeAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WaitlistOffer other && appointmentId.equals(other.appointmentId);
    }

    @Override
    public int hashCode() {
        return appointmentId.hashCode();
    }
}
