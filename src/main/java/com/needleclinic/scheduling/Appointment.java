package com.needleclinic.scheduling;

import com.needleclinic.catalog.ClinicService;
import com.needleclinic.shared.DomainException;
import com.needleclinic.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * One patient with one practitioner for one service at one location, over [start, end). Its
 * lifecycle is rule 4 (docs/rules.md): BOOKED, then CHECKED_IN, then COMPLETED (by signing the note), or
 * CANCELLED, or NO_SHOW once its start has passed. A waitlist offer is an appointment written HELD
 * until {@code offerExpiresAt}: accepted it becomes BOOKED, declined or expired it is released
 * (CANCELLED, never late).
 */
@Entity
public class Appointment {

    /**
     * The longest a visit may last, so that overlap searches can be bounded windows. The database
     * states it once as {@code appointment_longest()} (R__rules.sql), which both the service's length
     * check and the appointment's check name; RuleTextTest ties the two.
     */
    public static final Duration LONGEST = Duration.ofMinutes(ClinicService.LONGEST_MINUTES);

    /** How long before its start a visit may be checked in (on its own local date). */
    static final Duration CHECK_IN_OPENS = Duration.ofHours(2);

    /** Cancelling closer than this to the start is late: many clinics charge for it. */
    static final Duration LATE_CANCELLATION = Duration.ofHours(24);

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
    @Column(name = "room_id")
    private UUID roomId;
    @Column(name = "series_id")
    private UUID seriesId;
    @Column(name = "start_at")
    private Instant startAt;
    @Column(name = "end_at")
    private Instant endAt;
    @Column(name = "local_date")
    private LocalDate localDate;
    @Enumerated(EnumType.STRING)
    private AppointmentStatus status;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "cancelled_late")
    private Boolean cancelledLate;
    @Enumerated(EnumType.STRING)
    @Column(name = "booked_by")
    private Booker bookedBy;
    @Column(name = "offer_expires_at")
    private Instant offerExpiresAt;
    @Column(name = "desk_note")
    private String deskNote;
    @Version
    private long version;

    protected Appointment() {
    }

    /**
     * Who booked the visit: the front desk (or an admin), or the practitioner themself. Only the
     * first places the patient in the practitioner's care circle (docs/rules.md).
     */
    public enum Booker { DESK, PRACTITIONER }

    Appointment(UUID patientId, UUID practitionerId, UUID serviceId, UUID locationId, Slot slot) {
        this(patientId, practitionerId, serviceId, locationId, slot, Booker.DESK);
    }

    Appointment(UUID patientId, UUID practitionerId, UUID serviceId, UUID locationId, Slot slot, Booker bookedBy) {
        this.bookedBy = bookedBy;
        this.id = Ids.newId();
        this.patientId = patientId;
        this.practitionerId = practitionerId;
        this.serviceId = serviceId;
        this.locationId = locationId;
        this.status = AppointmentStatus.BOOKED;
        moveTo(slot);
    }

    /**
     * A waitlist offer: the slot held for the patient until {@code expiresAt}. The front desk made the
     * waitlist entry, so the visit counts as the desk's once accepted (its care circle, docs/rules.md).
     */
    static Appointment hold(UUID patientId, UUID practitionerId, UUID serviceId, UUID locationId, Slot slot,
                            Instant expiresAt) {
        Appointment held = new Appointment(patientId, practitionerId, serviceId, locationId, slot, Booker.DESK);
        held.status = AppointmentStatus.HELD;
        held.offerExpiresAt = expiresAt;
        return held;
    }

    /** The patient took the offer: the same visit, now booked; only while it is still held. */
    void accept(Instant now) {
        requireOpenOffer(now);
        status = AppointmentStatus.BOOKED;
    }

    /** The patient declined the offer, or it expired: the slot is free again. Never a late cancellation. */
    void release(String why, Instant now) {
        requireStatus(AppointmentStatus.HELD, "be released");
        cancelled(why, now, false);
    }

    /** An offer is open while HELD and before {@code offerExpiresAt}; one released or past it has expired. */
    void requireOpenOffer(Instant now) {
        if (offerExpiresAt == null) {
            throw new InvalidTransitionException("Appointment " + id + " is not a waitlist offer");
        }
        if (status == AppointmentStatus.CANCELLED || heldPast(now)) {
            throw new OfferExpiredException();
        }
        requireStatus(AppointmentStatus.HELD, "be accepted or declined");
    }

    boolean heldPast(Instant now) {
        return status == AppointmentStatus.HELD && !now.isBefore(offerExpiresAt);
    }

    /** Where an appointment sits: its instants, its date at the location, and its room (null: none needed). */
    record Slot(Instant start, Instant end, LocalDate localDate, UUID roomId) {
        Slot {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("end must be after start");
            }
        }

        Slot(Instant start, Instant end, LocalDate localDate) {
            this(start, end, localDate, null);
        }
    }

    void reschedule(Slot slot) {
        requireStatus(AppointmentStatus.BOOKED, "reschedule");
        moveTo(slot);
    }

    /**
     * Check-in is for the day of the visit: from {@link #CHECK_IN_OPENS} before the start, on the
     * visit's own local date (a late arrival checks in until the day ends). A check-in days ahead
     * would let a visit that never happened be noted, signed and billed.
     */
    void checkIn(Instant now, ZoneId zone) {
        requireStatus(AppointmentStatus.BOOKED, "check in");
        if (now.isBefore(startAt.minus(CHECK_IN_OPENS)) || !now.atZone(zone).toLocalDate().equals(localDate)) {
            throw new CheckInNotOpenException();
        }
        status = AppointmentStatus.CHECKED_IN;
    }

    static final class CheckInNotOpenException extends DomainException {
        CheckInNotOpenException() {
            super(409, "check-in-not-open", "Check-in not open", "A visit is checked in on its day, from "
                    + CHECK_IN_OPENS.toHours() + " hours before its start");
        }
    }

    /** A cancellation less than 24 hours before the start is late. */
    void cancel(String reason, Instant now) {
        if (status != AppointmentStatus.BOOKED && status != AppointmentStatus.CHECKED_IN) {
            throw new InvalidTransitionException("A " + status + " appointment cannot be cancelled");
        }
        cancelled(reason, now, Duration.between(now, startAt).compareTo(LATE_CANCELLATION) < 0);
    }

    /**
     * The patient accepted an earlier visit from the waitlist in its place: cancelled by the clinic's
     * move, so never late.
     */
    void cancelReplaced(String reason, Instant now) {
        requireStatus(AppointmentStatus.BOOKED, "be replaced");
        cancelled(reason, now, false);
    }

    private void cancelled(String reason, Instant now, boolean late) {
        status = AppointmentStatus.CANCELLED;
        cancelReason = reason;
        cancelledAt = now;
        cancelledLate = late;
    }

    /** Only once the start has passed: before that the patient may still come. */
    void markNoShow(Instant now) {
        requireStatus(AppointmentStatus.BOOKED, "be marked no-show");
        if (now.isBefore(startAt)) {
            throw new InvalidTransitionException("An appointment can be marked no-show only after it starts");
        }
        status = AppointmentStatus.NO_SHOW;
    }

    /**
     * Rule 5: a note records a visit that takes place, so none is written for a cancelled or missed
     * one.
     */
    void requireNoteable() {
        if (status == AppointmentStatus.CANCELLED || status == AppointmentStatus.NO_SHOW
                || status == AppointmentStatus.HELD) {
            throw new InvalidTransitionException("No note is written for a " + status + " appointment");
        }
    }

    /**
     * Rule 5: a note is started once the patient has checked in or the visit's start has passed,
     * never ahead of a visit that may still not happen.
     */
    void requireUnderway(Instant now) {
        if (status == AppointmentStatus.BOOKED && now.isBefore(startAt)) {
            throw new InvalidTransitionException("A note is written once the patient checked in or the visit started");
        }
    }

    /** Signing the treatment note completes the visit. */
    void complete() {
        if (status != AppointmentStatus.BOOKED && status != AppointmentStatus.CHECKED_IN) {
            throw new InvalidTransitionException("A " + status + " appointment cannot be completed");
        }
        status = AppointmentStatus.COMPLETED;
    }

    private void moveTo(Slot slot) {
        this.startAt = slot.start();
        this.endAt = slot.end();
        this.localDate = slot.localDate();
        this.roomId = slot.roomId();
    }

    private void requireStatus(AppointmentStatus expected, String move) {
        if (status != expected) {
            throw new InvalidTransitionException("A " + status + " appointment cannot " + move);
        }
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

    /** The course this visit is part of, or null. */
    public UUID seriesId() {
        return seriesId;
    }

    /** Makes this visit, not yet written, an occurrence of a course. */
    void partOf(UUID series) {
        this.seriesId = series;
    }

    /** The room the visit holds, or null for a service that needs none. */
    public UUID roomId() {
        return roomId;
    }

    public Instant start() {
        return startAt;
    }

    public Instant end() {
        return endAt;
    }

    public LocalDate localDate() {
        return localDate;
    }

    public AppointmentStatus status() {
        return status;
    }

    /** The desk's short note on the visit (blank is none). Never in events or logs. */
    void noteForDesk(String note) {
        this.deskNote = note == null || note.isBlank() ? null : note.strip();
    }

    public String deskNote() {
        return deskNote;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public Boolean cancelledLate() {
        return cancelledLate;
    }

    /** Until when a waitlist offer holds the slot (null: the visit was never an offer). */
    public Instant offerExpiresAt() {
        return offerExpiresAt;
    }

    public Booker bookedBy() {
        return bookedBy;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Appointment other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Appointment[" + id + ", " + status + "]";
    }
}
