package com.needleclinic.scheduling;

import com.needleclinic.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/** A weekly working block at one location, in the location's local time. */
@Entity
@Table(name = "schedule_entry")
public class ScheduleEntry {

    @Id
    private UUID id;
    @Column(name = "practitioner_id")
    private UUID practitionerId;
    @Column(name = "location_id")
    private UUID locationId;
    @Column(name = "day_of_week")
    private short dayOfWeek;
    @Column(name = "start_time")
    private LocalTime startTime;
    @Column(name = "end_time")
    private LocalTime endTime;

    protected ScheduleEntry() {
    }

    ScheduleEntry(UUID practitionerId, UUID locationId, DayOfWeek day, LocalTime start, LocalTime end) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
        this.id = Ids.newId();
        this.practitionerId = practitionerId;
        this.locationId = locationId;
        this.dayOfWeek = (short) day.getValue();
        this.startTime = start;
        this.endTime = end;
    }

    WeeklyBlock block() {
        return new WeeklyBlock(locationId, day(), startTime, endTime);
    }

    boolean overlaps(ScheduleEntry other) {
        return dayOfWeek == other.dayOfWeek && startTime.isBefore(other.endTime) && other.startTime.isBefore(endTime);
    }

    public UUID practitionerId() {
        return practitionerId;
    }

    public UUID locationId() {
        return locationId;
    }

    public DayOfWeek day() {
        return DayOfWeek.of(dayOfWeek);
    }

    public LocalTime start() {
        return startTime;
    }

    public LocalTime end() {
        return endTime;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScheduleEntry other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "ScheduleEntry[" + day() + " " + startTime + "-" + endTime + " @" + locationId + "]";
    }
}
