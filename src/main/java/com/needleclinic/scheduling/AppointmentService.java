package com.needleclinic.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.needleclinic.audit.AuditEntry;
import com.needleclinic.audit.AuditLog;
import com.needleclinic.events.EventEntry;
import com.needleclinic.events.EventLog;
import com.needleclinic.events.EventType;
import com.needleclinic.location.LocationService;
import com.needleclinic.practitioner.CertificationPolicy;
import com.needleclinic.scheduling.AppointmentRepository.AppointmentFilter;
import com.needleclinic.scheduling.SchedulingDtos.AppointmentListItem;
import com.needleclinic.scheduling.SchedulingDtos.AppointmentPatch;
import com.needleclinic.scheduling.SchedulingDtos.AppointmentView;
import com.needleclinic.scheduling.SchedulingDtos.BookAppointmentRequest;
import com.needleclinic.shared.Caller;
import com.needleclinic.shared.ConflictException;
import com.needleclinic.shared.DatabaseException;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.DomainException;
import com.needleclinic.shared.Idempotency;
import com.needleclinic.shared.Ids;
import com.needleclinic.shared.IfMatch;
import com.needleclinic.shared.MergePatch;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.Problem;
import com.needleclinic.shared.ResourceNotFoundException;
import com.needleclinic.shared.Roles;
import com.needleclinic.shared.Versioned;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.needleclinic.audit.AuditEntry.Action.CREATE;
import static com.needleclinic.audit.AuditEntry.Action.READ;
import static com.needleclinic.audit.AuditEntry.Action.SEARCH;
import static com.needleclinic.audit.AuditEntry.Action.UPDATE;
import static com.needleclinic.shared.InvalidRequestException.unknownReference;

/** Booking and the appointment lifecycle (rules 1-4, docs/rules.md). */
@ApplicationScoped
public class AppointmentService {

    static final String RESOURCE = "APPOINTMENT";

    private final AppointmentRepository appointments;
    private final BookingFactsRepository bookingFacts;
    private final AuditLog auditLog;
    private final Caller caller;
    private final Clock clock;
    private final LocationService locations;
    private final EventLog events;
    private final jakarta.transaction.TransactionSynchronizationRegistry transactions;
    private final FreedTimes freed;
    private final HomeRooms homeRooms;
    private final MergePatch mergePatch;

    AppointmentService(AppointmentRepository appointments, BookingFactsRepository bookingFacts, AuditLog auditLog,
                       Caller caller, Clock clock, LocationService locations, EventLog events,
                       jakarta.transaction.TransactionSynchronizationRegistry transactions, FreedTimes freed,
                       HomeRooms homeRooms, MergePatch mergePatch) {
        this.mergePatch = mergePatch;
        this.freed = freed;
        this.homeRooms = homeRooms;
        this.transactions = transactions;
        this.appointments = appointments;
        this.bookingFacts = bookingFacts;
        this.auditLog = auditLog;
        this.caller = caller;
        this.clock = clock;
        this.locations = locations;
        this.events = events;
    }

    /**
     * Books without a JTA transaction of its own, on purpose: booking is the busiest write, and a
     * transaction costs it a BEGIN, a COMMIT round trip and the transaction manager's work (~20 % of
     * its throughput, docs/performance.md). The facts are one read; the appointment, its audit row
     * and its {@code appointment.booked} event are one message, which PostgreSQL runs as one implicit
     * transaction, so all are written or none. Called inside a caller's transaction (an
     * {@code Idempotency-Key} stores the response in one), the statements join it and commit or roll
     * back with it.
     */
    public Created<AppointmentView> book(BookAppointmentRequest request) {
        Appointment.Booker booker = authorizeBooking(request);
        for (int attempt = 1; ; attempt++) {
            try {
                return bookOnce(request, booker, attempt);
            } catch (DatabaseException e) {
                if (!RoomRace.retryable(e, request.roomId(), attempt, transactions)) {
                    throw e;
                }
                Log.debugf("Room taken by a concurrent booking; booking again (attempt %d)", attempt + 1);
            }
        }
    }

    /**
     * One try: the facts, the rules, and the insert. A room chosen for the visit can be taken by a
     * booking in another instance between the two; the exclusion constraint refuses the insert, and
     * {@link #book} tries again with fresh facts (and so another room), unless the room was asked for.
     * A first try in a transaction of its own claims the practitioner's own room without looking
     * whether it is free (a visit needing a bed then costs what one without does, but for the
     * insert): the exclusion constraint and the suitability trigger judge it, and a refusal - a visit
     * placed there by hand or moved in, the room deactivated in the last seconds - sends the next try
     * the long way round.
     */
    private Created<AppointmentView> bookOnce(BookAppointmentRequest request, Appointment.Booker booker, int attempt) {
        Instant start = request.start().toInstant();
        HomeRooms.Home home = request.roomId() == null
                ? homeRooms.of(request.locationId(), request.serviceId(), request.practitionerId()) : null;
        boolean claim = home != null && home.own() && attempt == 1
                && transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION;
        BookingFacts facts = bookingFacts.load(request.patientId(), request.practitionerId(), request.serviceId(),
                request.locationId(), start, null, request.roomId(), home == null ? null : home.room(), claim);
        requireReferences(facts);
        Appointment.Slot slot;
        try {
            slot = checkBookable(facts, request.practitionerId(), request.locationId(), start, request.roomId() != null);
        } catch (Overlap overlap) {
            throw named(overlap, request.practitionerId(), request.patientId(), start,
                    start.plus(facts.service().duration()), null);
        }

        Appointment appointment = new Appointment(request.patientId(), request.practitionerId(), request.serviceId(),
                request.locationId(), slot, booker);
        appointment.noteForDesk(request.deskNote());
        ZoneId zone = facts.location().zone();
        appointments.insert(appointment,
                auditLog.recordWith(AuditEntry.of(CREATE, RESOURCE, appointment.id(), appointment.patientId())),
                events.emitWith(AppointmentEvents.of(EventType.APPOINTMENT_BOOKED, appointment, zone)));
        // Every booking is in the audit trail (written with it, above); at the front desk's busiest this
        // line would be most of the log and ~3 % of a booking's CPU, so it is for debugging only.
        Log.debugf("Booked appointment %s with practitioner %s", appointment.id(), appointment.practitionerId());
        return new Created<>("/api/v1/appointments/" + appointment.id(), appointment.version(),
                AppointmentView.of(appointment, zone));
    }

    /**
     * The front desk and admins book for anyone. A practitioner books only for themself, and only a
     * patient already in their care circle: booking must not be a way to open a stranger's chart.
     */
    Appointment.Booker authorizeBooking(BookAppointmentRequest request) {
        if (caller.is(Roles.FRONT_DESK) || caller.is(Roles.ADMIN)) {
            return Appointment.Booker.DESK;
        }
        if (!caller.requirePractitionerId().equals(request.practitionerId())) {
            throw new ForbiddenException("A practitioner books only for themself");
        }
        if (!appointments.inCareCircle(request.practitionerId(), request.patientId())) {
            auditLog.recordDenied(AuditEntry.of(CREATE, RESOURCE, null, request.patientId()));
            throw new NotInCareException();
        }
        return Appointment.Booker.PRACTITIONER;
    }

    /** For a replayed booking: the caller must still be allowed to make it, and the replay is a read. */
    public Idempotency.Guard bookingGuard(BookAppointmentRequest request) {
        return new Idempotency.Guard() {
            @Override
            public void authorize() {
                authorizeBooking(request);
            }

            @Override
            public void replayed(String location) {
                auditLog.record(AuditEntry.of(READ, RESOURCE, Ids.fromLocation(location), request.patientId()));
            }
        };
    }

    static final class NotInCareException extends DomainException {
        NotInCareException() {
            super(403, "not-in-care", "Not in care",
                    "A practitioner books for themself only patients in their care circle (a visit booked by the front desk, or one that took place)");
        }
    }

    @Transactional
    public Versioned<AppointmentView> get(UUID id) {
        Appointment appointment = readable(id, READ);
        auditLog.record(AuditEntry.of(READ, RESOURCE, id, appointment.patientId()));
        return new Versioned<>(appointment.version(), view(appointment));
    }

    private AppointmentView view(Appointment appointment) {
        return AppointmentView.of(appointment, locations.require(appointment.locationId()).zone(),
                appointments.attention(List.of(appointment.id()), clock.instant()).getOrDefault(appointment.id(), List.of()));
    }

    /** Practitioners see only their own appointments, whatever they filter on. */
    @Transactional
    public Page<AppointmentListItem> list(AppointmentFilter filter, PageRequest page) {
        AppointmentFilter scoped = filter;
        if (!caller.is(Roles.ADMIN) && !caller.is(Roles.FRONT_DESK)) {
            UUID own = caller.requirePractitionerId();
            if (filter.practitionerId() != null && !filter.practitionerId().equals(own)) {
                throw new ForbiddenException("A practitioner lists only their own appointments");
            }
            scoped = filter.forPractitioner(own);
        }
        List<Appointment> rows = appointments.search(scoped, clock.instant(), page.fetchOneMore());
        Map<UUID, AppointmentRepository.Display> display = visibleNames(rows, scoped);
        Map<UUID, List<String>> attention = appointments.attention(rows.stream().map(Appointment::id).toList(),
                clock.instant());
        Page<AppointmentListItem> result = page.toPage(rows, Appointment::id,
                a -> AppointmentListItem.of(a, display.get(a.id()), attention.getOrDefault(a.id(), List.of())));
        auditLog.recordSearch(RESOURCE, filter.patientId(), result.items().stream()
                .map(a -> AuditEntry.of(SEARCH, RESOURCE, a.id(), a.patientId())).toList());
        return result;
    }

    /**
     * The names beside a page of appointments. A practitioner sees a patient's name only for the
     * patients in their care circle, as with {@code GET /patients/{id}}: a waitlist hold for a
     * patient they have never treated shows the time, not who (docs/security.md).
     */
    private Map<UUID, AppointmentRepository.Display> visibleNames(List<Appointment> rows, AppointmentFilter scoped) {
        Map<UUID, AppointmentRepository.Display> display = appointments.display(rows);
        if (caller.is(Roles.ADMIN) || caller.is(Roles.FRONT_DESK)) {
            return display;
        }
        Set<UUID> treated = appointments.inCareCircleOf(scoped.practitionerId(),
                rows.stream().map(Appointment::patientId).collect(Collectors.toSet()));
        Map<UUID, AppointmentRepository.Display> visible = new HashMap<>();
        for (Appointment a : rows) {
            AppointmentRepository.Display shown = display.get(a.id());
            visible.put(a.id(), treated.contains(a.patientId()) ? shown : shown.withoutPatient());
        }
        return visible;
    }

    @Transactional
    public Versioned<AppointmentView> reschedule(UUID id, Instant start, UUID roomId, IfMatch ifMatch) {
        Appointment appointment = changeable(id, ifMatch);
        if (appointment.status() != AppointmentStatus.BOOKED) {
            throw new InvalidTransitionException("A " + appointment.status() + " appointment cannot be rescheduled");
        }
        BookingFacts facts = bookingFacts.load(appointment.patientId(), appointment.practitionerId(),
                appointment.serviceId(), appointment.locationId(), start, appointment.id(), roomId, appointment.roomId(), false);
        if (!facts.roomAtLocation()) {
            throw unknownReference("roomId");
        }
        ZoneId zone = facts.location().zone();
        var previousStart = SchedulingDtos.local(appointment.start(), zone);
        Instant previousFrom = appointment.start();
        Instant previousTo = appointment.end();
        try {
            appointment.reschedule(checkBookable(facts, appointment.practitionerId(), appointment.locationId(), start,
                    roomId != null || appointment.roomId() != null));
        } catch (Overlap overlap) {
            throw named(overlap, appointment.practitionerId(), appointment.patientId(), start,
                    start.plus(facts.service().duration()), appointment.id());
        }
        freed.freed(appointment.practitionerId(), appointment.locationId(), previousFrom, previousTo);
        return saved(appointment, "Rescheduled", AppointmentEvents.rescheduled(appointment, zone, previousStart));
    }

    @Transactional
    public Versioned<AppointmentView> cancel(UUID id, String reason, IfMatch ifMatch) {
        Appointment appointment = changeable(id, ifMatch);
        appointment.cancel(reason, clock.instant());
        freed.freed(appointment);
        return saved(appointment, "Cancelled", EventType.APPOINTMENT_CANCELLED);
    }

    /**
     * The desk's note, by merge patch (absent keeps it, null clears it). Audited as a change of the
     * visit; no event (events never carry it, and nothing else changed).
     */
    @Transactional
    public Versioned<AppointmentView> patch(UUID id, JsonNode patch, IfMatch ifMatch) {
        Appointment appointment = changeable(id, ifMatch);
        AppointmentPatch merged = mergePatch.apply(new AppointmentPatch(appointment.deskNote()), patch,
                AppointmentPatch.class);
        appointment.noteForDesk(merged.deskNote());
        appointments.flush();
        auditLog.record(AuditEntry.of(UPDATE, RESOURCE, appointment.id(), appointment.patientId()));
        Log.infof("Desk note of appointment %s changed", appointment.id());
        return new Versioned<>(appointment.version(), view(appointment));
    }

    @Transactional
    public Versioned<AppointmentView> checkIn(UUID id, IfMatch ifMatch) {
        Appointment appointment = changeable(id, ifMatch);
        appointment.checkIn(clock.instant(), locations.require(appointment.locationId()).zone());
        return saved(appointment, "Checked in", EventType.APPOINTMENT_CHECKED_IN);
    }

    @Transactional
    public Versioned<AppointmentView> markNoShow(UUID id, IfMatch ifMatch) {
        Appointment appointment = changeable(id, ifMatch);
        appointment.markNoShow(clock.instant());
        return saved(appointment, "No-show", EventType.APPOINTMENT_NO_SHOW);
    }

    /**
     * For treatment and billing: the visit, its row locked against concurrent lifecycle changes until
     * the caller's transaction ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Visit lockVisit(UUID id) {
        return Visit.of(locked(id));
    }

    /** Rule 5's checks on the visit (locked by {@link #lockVisit}): see {@link Appointment#requireNoteable()}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireNoteable(UUID id, boolean newNote) {
        Appointment appointment = locked(id);
        appointment.requireNoteable();
        if (newNote) {
            appointment.requireUnderway(clock.instant());
        }
    }

    /** Signing a note completes its visit, in the signing transaction (and announces it in that transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(UUID id) {
        Appointment appointment = locked(id);
        appointment.complete();
        events.emit(AppointmentEvents.of(EventType.APPOINTMENT_COMPLETED, appointment,
                locations.require(appointment.locationId()).zone()));
    }

    /**
     * Announces future appointments that a change elsewhere (a certification) has left needing the
     * desk's attention, one {@code appointment.needs_attention} event each, in that change's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceNeedsAttention(List<UUID> ids, List<String> reasons) {
        for (UUID id : ids) {
            Appointment appointment = appointments.findById(id);
            events.emit(AppointmentEvents.needsAttention(appointment, locations.require(appointment.locationId()).zone(),
                    reasons));
        }
    }

    private Appointment locked(UUID id) {
        return appointments.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("Appointment", id));
    }

    /** A booking's references must exist; reported on the first missing one, in request order. */
    static void requireReferences(BookingFacts facts) {
        if (!facts.patientFound()) {
            throw unknownReference("patientId");
        }
        if (facts.practitioner() == null) {
            throw unknownReference("practitionerId");
        }
        if (facts.service() == null) {
            throw unknownReference("serviceId");
        }
        if (facts.location() == null) {
            throw unknownReference("locationId");
        }
        if (!facts.roomAtLocation()) {
            throw unknownReference("roomId");
        }
    }

    /**
     * Rules 1-3 for [start, start + the service's length), and a room when the service needs one or
     * one was asked for: the slot, or the violated rule's exception.
     */
    Appointment.Slot checkBookable(BookingFacts facts, UUID practitionerId, UUID locationId, Instant start,
                                   boolean roomAskedFor) {
        ZoneId zone = facts.location().zone();
        Instant end = start.plus(facts.service().duration());
        boolean needsRoom = facts.service().needsRoom() || roomAskedFor;
        Appointment.Slot slot = new Appointment.Slot(start, end, start.atZone(zone).toLocalDate(),
                needsRoom ? facts.room() : null);
        BookingPolicy.requireFuture(start, clock.instant());
        if (facts.locationClosed()) {
            throw locationClosed();
        }
        CertificationPolicy.check(practitionerId, facts.practitioner().active(), facts.practitioner().certifications(),
                facts.service().modality(), slot.localDate());
        BookingPolicy.requireAvailable(facts.schedule(), facts.timeOff(), locationId, zone, start, end);
        if (facts.practitionerBusy()) {
            throw slotUnavailable();
        }
        if (facts.patientBusy()) {
            throw patientDoubleBooked();
        }
        if (needsRoom && facts.room() == null) {
            throw noRoomAvailable();
        }
        return slot;
    }

    private Appointment readable(UUID id, AuditEntry.Action action) {
        Appointment appointment = appointments.findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("Appointment", id));
        if (!caller.is(Roles.ADMIN) && !caller.is(Roles.FRONT_DESK)
                && !caller.practitionerId().map(appointment.practitionerId()::equals).orElse(false)) {
            auditLog.recordDenied(AuditEntry.of(action, RESOURCE, id, appointment.patientId()));
            throw new ResourceNotFoundException("Appointment", id);
        }
        return appointment;
    }

    private Appointment changeable(UUID id, IfMatch ifMatch) {
        Appointment appointment = appointments.findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("Appointment", id));
        ifMatch.verify(appointment.version());
        return appointment;
    }

    private Versioned<AppointmentView> saved(Appointment appointment, String what, EventType type) {
        ZoneId zone = locations.require(appointment.locationId()).zone();
        return saved(appointment, what, AppointmentEvents.of(type, appointment, zone));
    }

    /** The change, its audit row and its event, all in the caller's transaction. */
    private Versioned<AppointmentView> saved(Appointment appointment, String what, EventEntry event) {
        appointments.flush();
        auditLog.record(AuditEntry.of(UPDATE, RESOURCE, appointment.id(), appointment.patientId()));
        events.emit(event);
        Log.infof("%s appointment %s", what, appointment.id());
        return new Versioned<>(appointment.version(), view(appointment));
    }


    static Overlap slotUnavailable() {
        return new Overlap(true, null);
    }

    /**
     * The overlap refused, with the visit that blocks it: looked up only on this refusal path, so
     * the desk sees which visit to move (by id: the same ids it reads anyway).
     */
    Overlap named(Overlap overlap, UUID practitionerId, UUID patientId, Instant start, Instant end, UUID self) {
        return overlap.naming(appointments.blocking(overlap.practitioner() ? practitionerId : patientId,
                overlap.practitioner(), start, end, self).orElse(null));
    }

    /**
     * Rule 3 refused: {@code slot-unavailable} (the practitioner's visit) or
     * {@code patient-double-booked} (the patient's), naming the blocking visit when known
     * ({@code blockingAppointmentId}).
     */
    static final class Overlap extends ConflictException {
        private final boolean practitioner;
        private final UUID blocking;

        Overlap(boolean practitioner, UUID blocking) {
            super(practitioner ? "slot-unavailable" : "patient-double-booked",
                    practitioner ? "Slot unavailable" : "Patient double-booked",
                    (practitioner ? "The practitioner" : "The patient")
                            + " already has an appointment overlapping that time"
                            + (blocking == null ? "" : " (blockingAppointmentId); move it or choose another time"));
            this.practitioner = practitioner;
            this.blocking = blocking;
        }

        boolean practitioner() {
            return practitioner;
        }

        UUID blocking() {
            return blocking;
        }

        Overlap naming(UUID visit) {
            return new Overlap(practitioner, visit);
        }

        @Override
        public Problem toProblem() {
            return blocking == null ? super.toProblem() : super.toProblem().withExtension("blockingAppointmentId", blocking);
        }
    }

    /** Rule of closures (docs/rules.md, "Front desk"); the trigger appointment_outside_closure guarantees it. */
    static DomainException locationClosed() {
        return new DomainException(422, "location-closed", "Location closed",
                "The location is closed then (GET /locations/{id}/closures); choose another time") {
        };
    }

    static ConflictException noRoomAvailable() {
        return new ConflictException("no-room-available", "No room available",
                "No active room of the location with what the service needs is free for the whole visit");
    }

    static Overlap patientDoubleBooked() {
        return new Overlap(false, null);
    }
}
