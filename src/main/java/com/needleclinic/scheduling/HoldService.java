package com.needleclinic.scheduling;

import com.needleclinic.audit.AuditEntry;
import com.needleclinic.audit.AuditLog;
import com.needleclinic.catalog.CatalogService;
import com.needleclinic.catalog.ClinicService;
import com.needleclinic.events.EventLog;
import com.needleclinic.events.EventType;
import com.needleclinic.location.Location;
import com.needleclinic.location.LocationService;
import com.needleclinic.practitioner.CertificationPolicy;
import com.needleclinic.practitioner.PractitionerService;
import com.needleclinic.scheduling.SchedulingDtos.AppointmentView;
import com.needleclinic.shared.DomainException;
import com.needleclinic.shared.InvalidRequestException;
import com.needleclinic.shared.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.needleclinic.audit.AuditEntry.Action.CREATE;
import static com.needleclinic.audit.AuditEntry.Action.UPDATE;
import static jakarta.transaction.Transactional.TxType.MANDATORY;

/**
 * Waitlist offers as appointments (docs/rules.md, "Waitlist and offers"): a hold placed on a free
 * slot under rules 1-3 and the rooms' rule, then accepted into a booking or released. The waitlist
 * decides who is offered what and when; scheduling owns the appointment and its rules. Every method
 * runs in the caller's transaction, which has locked the waitlist entry first.
 */
@ApplicationScoped
public class HoldService {

    /** Free slots tried per offer: one taken meanwhile, or refused by the patient's own calendar, makes way for the next. */
    static final int SLOTS_TRIED = 5;
    static final String DECLINED = "Waitlist offer declined";
    static final String EXPIRED = "Waitlist offer expired";
    static final String WITHDRAWN = "Waitlist entry cancelled";
    static final String REPLACED = "Replaced by an earlier visit from the waitlist";

    private final AvailabilityService availability;
    private final BookingFactsRepository bookingFacts;
    private final AppointmentRepository appointments;
    private final AppointmentService bookings;
    private final AuditLog auditLog;
    private final EventLog events;
    private final CatalogService catalog;
    private final LocationService locations;
    private final FreedTimes freed;
    private final Clock clock;
    private final PractitionerService practitioners;

    HoldService(AvailabilityService availability, BookingFactsRepository bookingFacts, AppointmentRepository appointments,
                AppointmentService bookings, AuditLog auditLog, EventLog events, CatalogService catalog,
                LocationService locations, FreedTimes freed, Clock clock, PractitionerService practitioners) {
        this.practitioners = practitioners;
        this.availability = availability;
        this.bookingFacts = bookingFacts;
        this.appointments = appointments;
        this.bookings = bookings;
        this.auditLog = auditLog;
        this.events = events;
        this.catalog = catalog;
        this.locations = locations;
        this.freed = freed;
        this.clock = clock;
    }

    /** Time the patient already let go (a declined or expired offer): not offered to them again. */
    @FunctionalInterface
    public interface Declined {
        boolean covers(UUID practitionerId, Instant start, Instant end);
    }

    /** A placed hold, with its times in the location's offset. */
    public record Hold(UUID appointmentId, UUID patientId, UUID practitionerId, UUID serviceId, UUID locationId,
                       UUID roomId, OffsetDateTime start, OffsetDateTime end, OffsetDateTime offerExpiresAt) {
        static Hold of(Appointment a, ZoneId zone) {
            return new Hold(a.id(), a.patientId(), a.practitionerId(), a.serviceId(), a.locationId(), a.roomId(),
                    SchedulingDtos.local(a.start(), zone), SchedulingDtos.local(a.end(), zone),
                    SchedulingDtos.local(a.offerExpiresAt(), zone));
        }
    }

    /**
     * Holds the earliest slot for the patient with this practitioner within [from, to) that starts
     * no earlier than the hold ends at {@code expiresAt} (the patient has the whole hold to
     * answer), or nothing if none fits. The slot passes rules 1-3 and gets a room like a booking; a slot taken meanwhile
     * (the exclusion constraints refuse the insert behind a savepoint) makes way for the next one.
     */
    @Transactional(MANDATORY)
    public Optional<Hold> place(UUID patientId, UUID serviceId, UUID locationId, UUID practitionerId, Instant from,
                                Instant to, Instant expiresAt, Declined declined) {
        Instant earliest = from.isBefore(expiresAt) ? expiresAt : from;
        if (!earliest.isBefore(to)) {
            return Optional.empty();
        }
        ClinicService service = catalog.require(serviceId);
        Location location = locations.require(locationId);
        for (AvailabilityFinder.Slot slot : availability.within(service, location, practitionerId, earliest, to,
                s -> !declined.covers(s.practitionerId(), s.start(), s.end()), SLOTS_TRIED)) {
            Appointment.Slot placed;
            try {
                BookingFacts facts = bookingFacts.load(patientId, slot.practitionerId(), serviceId, locationId,
                        slot.start(), null, null, null, false);
                if (!facts.patientFound() || facts.practitioner() == null) {
                    return Optional.empty();
                }
                placed = bookings.checkBookable(facts, slot.practitionerId(), locationId, slot.start(), false);
            } catch (DomainException refused) {
                continue;
            }
            Appointment held = Appointment.hold(patientId, slot.practitionerId(), serviceId, locationId, placed, expiresAt);
            Optional<String> refusedBy = appointments.insertUnlessRefused(held, auditLog.recordWithAs(
                    AuditEntry.of(CREATE, AppointmentService.RESOURCE, held.id(), patientId), AuditLog.Actor.WAITLIST));
            if (refusedBy.isEmpty()) {
                return Optional.of(Hold.of(held, location.zone()));
            }
        }
        return Optional.empty();
    }

    /**
     * The patient took the offer: the hold becomes a booking (same id, {@code appointment.booked}),
     * and the visit it replaces, if still booked, is cancelled in the same transaction - never late,
     * since the clinic moved it. A visit already underway or over is left as it is.
     */
    @Transactional(MANDATORY)
    public AppointmentView accept(UUID id, UUID replacesId) {
        Instant now = clock.instant();
        Appointment hold = locked(id);
        hold.requireOpenOffer(now);
        requireStillAllowed(hold, now);
        hold.accept(now);
        appointments.flush();
        ZoneId zone = locations.require(hold.locationId()).zone();
        auditLog.record(AuditEntry.of(UPDATE, AppointmentService.RESOURCE, id, hold.patientId()));
        events.emit(AppointmentEvents.of(EventType.APPOINTMENT_BOOKED, hold, zone));
        if (replacesId != null) {
            Appointment replaced = locked(replacesId);
            if (replaced.status() == AppointmentStatus.BOOKED) {
                replaced.cancelReplaced(REPLACED, now);
                appointments.flush();
                auditLog.record(AuditEntry.of(UPDATE, AppointmentService.RESOURCE, replaced.id(), replaced.patientId()));
                events.emit(AppointmentEvents.of(EventType.APPOINTMENT_CANCELLED, replaced,
                        locations.require(replaced.locationId()).zone()));
                freed.freed(replaced);
            }
        }
        return AppointmentView.of(hold, zone);
    }

    /**
     * Rule 1 and the room rule again at acceptance: a certification that lapsed, or a room
     * deactivated, while the offer was open refuses it with that rule's problem (the hold then
     * expires as any other).
     */
    private void requireStillAllowed(Appointment hold, Instant now) {
        CertificationPolicy.check(practitioners.require(hold.practitionerId()), catalog.require(hold.serviceId()).modality(),
                hold.localDate());
        if (appointments.attention(List.of(hold.id()), now, true).getOrDefault(hold.id(), List.of())
                .contains(AttentionReason.ROOM_UNAVAILABLE)) {
            throw AppointmentService.noRoomAvailable();
        }
    }

    /** The patient said no (or the entry was withdrawn): the slot is released and free for the next entry. */
    @Transactional(MANDATORY)
    public AppointmentView decline(UUID id) {
        Appointment hold = locked(id);
        hold.requireOpenOffer(clock.instant());
        hold.release(DECLINED, clock.instant());
        appointments.flush();
        auditLog.record(AuditEntry.of(UPDATE, AppointmentService.RESOURCE, id, hold.patientId()));
        freed.freed(hold);
        return AppointmentView.of(hold, locations.require(hold.locationId()).zone());
    }

    /** The entry was cancelled while its offer was open: the hold is released, whatever its time. */
    @Transactional(MANDATORY)
    public void withdraw(UUID id) {
        Appointment hold = locked(id);
        if (hold.status() != AppointmentStatus.HELD) {
            return;
        }
        hold.release(WITHDRAWN, clock.instant());
        appointments.flush();
        auditLog.record(AuditEntry.of(UPDATE, AppointmentService.RESOURCE, id, hold.patientId()));
        freed.freed(hold);
    }

    /** Releases a hold whose time is up; false if it is no longer held (accepted or released meanwhile). */
    @Transactional(MANDATORY)
    public boolean expire(UUID id) {
        Appointment hold = locked(id);
        if (!hold.heldPast(clock.instant())) {
            return false;
        }
        hold.release(EXPIRED, clock.instant());
        appointments.flush();
        auditLog.recordAs(AuditEntry.of(UPDATE, AppointmentService.RESOURCE, id, hold.patientId()), AuditLog.Actor.WAITLIST);
        freed.freed(hold);
        return true;
    }

    /** Holds past their time, oldest first. */
    @Transactional(MANDATORY)
    public List<UUID> expired(int limit) {
        return appointments.heldUntil(clock.instant(), limit);
    }

    /**
     * The visit a waitlist entry would replace: the patient's own and still booked; answers its
     * start, before which every offer for the entry must end.
     */
    @Transactional(MANDATORY)
    public Instant replaceable(UUID appointmentId, UUID patientId) {
        Appointment visit = appointments.findByIdOptional(appointmentId)
                .filter(a -> a.patientId().equals(patientId))
                .orElseThrow(() -> new InvalidRequestException("replacesAppointmentId", "names no appointment of this patient"));
        if (visit.status() != AppointmentStatus.BOOKED) {
            throw new InvalidRequestException("replacesAppointmentId", "names a " + visit.status()
                    + " appointment; only a booked visit can be replaced");
        }
        return visit.start();
    }

    /** The hold as it stands, for the waitlist's answers. */
    @Transactional(MANDATORY)
    public Hold view(UUID id) {
        Appointment a = appointments.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Offer", id));
        return Hold.of(a, locations.require(a.locationId()).zone());
    }

    private Appointment locked(UUID id) {
        return appointments.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("Appointment", id));
    }
}
