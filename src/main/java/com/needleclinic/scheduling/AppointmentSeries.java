package com.needleclinic.scheduling;

import com.needleclinic.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A course of visits as it was asked for; its occurrences are appointments that name it. */
@Entity
@Table(name = "appointment_series")
public class AppointmentSeries {

    /** What to do when some occurrences cannot be booked: book none of them, or book the others. */
    public enum OnConflict { REJECT_ALL, SKIP }

    @Id
    private UUID id;
    @Column(name = "patient_id")
    private UUID patientId;
    @Column(name = "practitioner_id")
    private UUID practitionerId;
    @Column(name = "service_id")
    private UUID serviceId;
    @Column(name = "location_id")
    private UUID locationId;
    @Column(name = "first_start")
    private Instant firstStart;
    @Column(name = "interval_weeks")
    private int intervalWeeks;
    @Column(name = "occurrence_count")
    private Integer occurrenceCount;
    @Column(name = "until_date")
    private LocalDate untilDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "on_conflict")
    private OnConflict onConflict;
    @Column(name = "created_at")
    private Instant createdAt;

    protected AppointmentSeries() {
    }

    AppointmentSeries(UUID patientId, UUID practitionerId, UUID serviceId, UUID locationId, Instant firstStart,
                      int intervalWeeks, Integer occurrenceCount, LocalDate untilDate, OnConflict onConflict,
                      Instant createdAt) {
        this.id = Ids.newId();
        this.patientId = patientId;
        this.practitionerId = practitionerId;
        this.serviceId = serviceId;
        this.locationId = locationId;
        this.firstStart = firstStart;
        this.intervalWeeks = intervalWeeks;
        this.occurrenceCount = occurrenceCount;
        this.untilDate = untilDate;
        this.onConflict = onConflict;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public UUID patientId() {
        return patientId;
    }

    public UUID practitionerId() {
        return practitionerId;
    }

    public UUID serviceId() {
        return serviceId;
    }

    public UUID locationId() {
        return locationId;
    }

    public Instant firstStart() {
        return firstStart;
    }

    public int intervalWeeks() {
        return intervalWeeks;
    }

    public Integer occurrenceCount() {
        return occurrenceCount;
    }

    public LocalDate untilDate() {
        return untilDate;
    }

    public OnConflict onConflict() {
        return onConflict;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppointmentSeries other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AppointmentSeries[" + id + "]";
    }
}
