package com.needleclinic.scheduling;

import com.needleclinic.audit.AuditEntry;
import com.needleclinic.audit.AuditLog;
import com.needleclinic.catalog.CatalogService;
import com.needleclinic.catalog.ClinicService;
import com.needleclinic.location.Location;
import com.needleclinic.location.LocationService;
import com.needleclinic.patient.PatientService;
import com.needleclinic.practitioner.CertificationPolicy;
import com.needleclinic.practitioner.Practitioner;
import com.needleclinic.practitioner.PractitionerService;
import com.needleclinic.scheduling.AppointmentRepository.AppointmentFilter;
import com.needleclinic.scheduling.SchedulingDtos.AppointmentView;
import com.needleclinic.scheduling.SchedulingDtos.BookAppointmentRequest;
import com.needleclinic.shared.Caller;
import com.needleclinic.shared.ConflictException;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.IfMatch;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.ResourceNotFoundException;
import com.needleclinic.shared.Roles;
import com.needleclinic.shared.Versioned;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import static com.needleclinic.shared.InvalidRequestException.referenced;
import static com.needleclinic.audit.AuditEntry.Action.CREATE;
import static com.needleclinic.audit.AuditEntry.Action.READ;
import static com.needleclinic.audit.AuditEntry.Action.SEARCH;
import static com.needleclinic.audit.AuditEntry.Action.UPDATE;

/** Booking and the appointment lifecycle (API.md rules 1-4). */
@ApplicationScoped
public class AppointmentService {

    static final String RESOURCE = "APPOINTMENT";

    private final AppointmentRepository appointments;
    private final ScheduleRepository schedules;
    private final TimeOffRepository timeOff;
    private final PractitionerService practitioners;
    private final PatientService patients;
    private final CatalogService catalog;
    private final LocationService locations;
    private final AuditLog auditLog;
    private final Caller caller;
    private final Clock clock;

    AppointmentService(AppointmentRepository appointments, ScheduleRepository schedules, TimeOffRepository timeOff,
                       PractitionerService practitioners, PatientService patients, CatalogService catalog,
                       LocationService locations, AuditLog auditLog, Caller caller, Clock clock) {
        this.appointments = appointments;
        this.schedules = schedules;
        this.timeOff = timeOff;
        this.practitioners = practitioners;
        this.patients = patients;
        this.catalog = catalog;
        this.locations = locations;
        this.auditLog = auditLog;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public Created<AppointmentView> book(BookAppointmentRequest request) {
        if (caller.is(Roles.PRACTITIONER) && !caller.is(Roles.FRONT_DESK) && !caller.is(Roles.ADMIN)
                && !caller.practitionerId().map(request.practitionerId()::equals).orElse(false)) {
            throw new ForbiddenException("A practitioner books only for themself");
        }
        referenced("patientId", () -> patients.require(request.patientId()));
        Practitioner practitioner = referenced("practitionerId", () -> practitioners.require(request.practitionerId()));
        ClinicService service = referenced("serviceId", () -> catalog.require(request.serviceId()));
        Location location = referenced("locationId", () -> locations.require(request.locationId()));
        Appointment.Slot slot = slotFor(request.start().toInstant(), service, location);
        checkBookable(practitioner, service, location, slot, request.patientId(), null);

        Appointment appointment = new Appointment(request.patientId(), practitioner.id(), service.id(), location.id(), slot);
        appointments.persistAndFlush(appointment);
        auditLog.record(AuditEntry.of(CREATE, RESOURCE, appointment.id(), appointment.patientId()));
        Log.infof("Booked appointment %s with practitioner %s", appointment.id(), practitioner.id());
        return new Created<>("/api/v1/appointments/" + appointment.id(), appointment.version(),
                AppointmentView.of(appointment));
    }

    @Transactional
    public Versioned<AppointmentView> get(UUID id) {
        Appointment appointment = readable(id, READ);
        auditLog.record(AuditEntry.of(READ, RESOURCE, id, appointment.patientId()));
        return new Versioned<>(appointment.version(), AppointmentView.of(appointment));
    }

    /** Practitioners see only their own appointments, whatever they filter on. */
    @Transactional
    public Page<AppointmentView> list(AppointmentFilter filter, PageRequest page) {
        AppointmentFilter scoped = filter;
        if (!caller.is(Roles.ADMIN) && !caller.is(Roles.FRONT_DESK)) {
            UUID own = caller.practitionerId().orElseThrow(() -> new ForbiddenException("No practitioner_id claim"));
            if (filter.practitionerId() != null && !filter.practitionerId().equals(own)) {
                throw new ForbiddenException("A practitioner lists only their own appointments");
            }
            scoped = filter.forPractitioner(own);
        }
        Page<AppointmentView> result = page.toPage(appointments.search(scoped, clock.instant(), page.fetchOneMore()),
                Appointment::id, AppointmentView::of);
        auditLog.recordAll(result.items().stream()
                .map(a -> AuditEntry.of(SEARCH, RESOURCE, a.id(), a.patientId())).toList());
        return result;
    }

    @Transactional
    public Versioned<AppointmentView> reschedule(UUID id, Instant start, IfMatch ifMatch) {
        Appointment appointment = changeable(id, ifMatch);
        if (appointment.status() != AppointmentStatus.BOOKED) {
            throw new InvalidTransitionException("A " + appointment.status() + " appointment cannot be rescheduled");
        }
        Practitioner practitioner = practitioners.require(appointment.practitionerId());
        ClinicService service = catalog.require(appointment.serviceId());
        Location location = locations.require(appointment.locationId());
        Appointment.Slot slot = slotFor(start, service, location);
        checkBookable(practitioner, service, location, slot, appointment.patientId(), appointment.id());
        appointment.reschedule(slot);
        return saved(appointment, "Rescheduled");
    }

    @Transactional
    public Versioned<AppointmentView> cancel(UUID id, String reason, IfMatch ifMatch) {
        Appointment appointment = changeable(id, ifMatch);
        appointment.cancel(reason, clock.instant());
        return saved(appointment, "Cancelled");
    }

    @Transactional
    public Versioned<AppointmentView> checkIn(UUID id, IfMatch ifMatch) {
        Appointment appointment = changeable(id, ifMatch);
        appointment.checkIn();
        return saved(appointment, "Checked in");
    }

    @Transactional
    public Versioned<AppointmentView> markNoShow(UUID id, IfMatch ifMatch) {
        Appointment appointment = changeable(id, ifMatch);
        appointment.markNoShow(clock.instant());
        return saved(appointment, "No-show");
    }

    /** For treatment notes: the appointment, locked against concurrent changes until the transaction ends. */
    @Transactional
    public Appointment requireForUpdate(UUID id) {
        return appointments.findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("Appointment", id));
    }

    private void checkBookable(Practitioner practitioner, ClinicService service, Location location,
                               Appointment.Slot slot, UUID patientId, UUID self) {
        BookingPolicy.requireFuture(slot.start(), clock.instant());
        CertificationPolicy.check(practitioner, service.modality(), slot.localDate());
        BookingPolicy.requireAvailable(schedules.ofPractitioner(practitioner.id()),
                timeOff.overlapping(practitioner.id(), slot.start(), slot.end()), location.id(), location.zone(),
                slot.start(), slot.end());
        var overlaps = appointments.overlaps(practitioner.id(), patientId, slot.start(), slot.end(),
                self == null ? new UUID(0, 0) : self);
        if (overlaps.practitioner()) {
            throw slotUnavailable();
        }
        if (overlaps.patient()) {
            throw patientDoubleBooked();
        }
    }

    private static Appointment.Slot slotFor(Instant start, ClinicService service, Location location) {
        Instant end = start.plus(service.duration());
        return new Appointment.Slot(start, end, start.atZone(location.zone()).toLocalDate());
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

    private Versioned<AppointmentView> saved(Appointment appointment, String what) {
        appointments.flush();
        auditLog.record(AuditEntry.of(UPDATE, RESOURCE, appointment.id(), appointment.patientId()));
        Log.infof("%s appointment %s", what, appointment.id());
        return new Versioned<>(appointment.version(), AppointmentView.of(appointment));
    }


    static ConflictException slotUnavailable() {
        return new ConflictException("slot-unavailable", "Slot unavailable",
                "The practitioner already has an appointment overlapping that time");
    }

    static ConflictException patientDoubleBooked() {
        return new ConflictException("patient-double-booked", "Patient double-booked",
                "The patient already has an appointment overlapping that time");
    }
}
