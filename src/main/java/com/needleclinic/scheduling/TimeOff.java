package com.needleclinic.scheduling;

import com.needleclinic.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A period [start, end) in which a practitioner takes no appointments. */
@Entity
@Table(name = "time_off")
public class TimeOff {

    @Id
    private UUID id;
    @Column(name = "practitioner_id")
    private UUID practitionerId;
    @Column(name = "start_at")
    private Instant startAt;
    @Column(name = "end_at")
    private Instant endAt;
    private String reason;
    @Column(name = "created_at")
    private Instant createdAt;

    protected TimeOff() {
    }

    TimeOff(UUID practitionerId, Instant start, Instant end, String reason, Instant now) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
        this.id = Ids.newId();
        this.practitionerId = practitionerId;
        this.startAt = start;
        this.endAt = end;
        this.reason = reason;
        this.createdAt = now;
    }

    Period period() {
        return new Period(startAt, endAt);
    }

    public UUID practitionerId() {
        return practitionerId;
    }

    public UUID id() {
        return id;
    }

    public Instant start() {
        return startAt;
    }

    public Instant end() {
        return endAt;
    }

    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeOff other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "TimeOff[" + id + "]";
    }
}
