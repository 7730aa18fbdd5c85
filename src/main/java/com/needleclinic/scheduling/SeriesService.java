package com.needleclinic.scheduling;

import com.needleclinic.audit.AuditEntry;
import com.needleclinic.audit.AuditLog;
import com.needleclinic.events.EventEntry;
import com.needleclinic.events.EventLog;
import com.needleclinic.events.EventType;
import com.needleclinic.location.LocationService;
import com.needleclinic.scheduling.AppointmentSeries.OnConflict;
import com.needleclinic.scheduling.SchedulingDtos.BookAppointmentRequest;
import com.needleclinic.scheduling.SeriesDtos.Occurrence;
import com.needleclinic.scheduling.SeriesDtos.OccurrenceProblem;
import com.needleclinic.scheduling.SeriesDtos.RepeatView;
import com.needleclinic.scheduling.SeriesDtos.SeriesRequest;
import com.needleclinic.scheduling.SeriesDtos.SeriesView;
import com.needleclinic.shared.Caller;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.DomainException;
import com.needleclinic.shared.Idempotency;
import com.needleclinic.shared.Ids;
import com.needleclinic.shared.Problem;
import com.needleclinic.shared.ResourceNotFoundException;
import com.needleclinic.shared.Roles;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.needleclinic.audit.AuditEntry.Action.CREATE;
import static com.needleclinic.audit.AuditEntry.Action.READ;
import static com.needleclinic.audit.AuditEntry.Action.UPDATE;
import static com.needleclinic.shared.InvalidRequestException.referenced;

/**
 * Courses of visits (docs/rules.md, "Courses"). Every occurrence is judged on its own local date
 * by the rules of a single booking - certification, schedule and time off, practitioner and patient
 * free, a room when the service needs one - from facts read in one statement for the whole course.
 * {@code REJECT_ALL} writes nothing unless every occurrence passes; {@code SKIP} books the ones that
 * pass. Either way the course is one transaction, and the database's constraints stay the
 * guarantee: a booking that takes a slot meanwhile refuses the insert, which rolls the whole
 * {@code REJECT_ALL} course back, or, with {@code SKIP}, only that occurrence (a savepoint).
 */
@ApplicationScoped
public class SeriesService {

    static final String RESOURCE = "APPOINTMENT_SERIES";

    private final SeriesRepository series;
    private final AppointmentRepository appointments;
    private final BookingFactsRepository bookingFacts;
    private final AppointmentService booking;
    private final LocationService locations;
    private final AuditLog auditLog;
    private final EventLog events;
    private final Caller caller;
    private final Clock clock;

    private final FreedTimes freed;

    SeriesService(SeriesRepository series, AppointmentRepository appointments, BookingFactsRepository bookingFacts,
                  AppointmentService booking, LocationService locations, AuditLog auditLog, EventLog events,
                  Caller caller, Clock clock, FreedTimes freed) {
        this.freed = freed;
        this.series = series;
        this.appointments = appointments;
        this.bookingFacts = bookingFacts;
        this.booking = booking;
        this.locations = locations;
        this.auditLog = auditLog;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public Created<SeriesView> book(SeriesRequest request) {
        Appointment.Booker booker = booking.authorizeBooking(asBooking(request));
        ZoneId zone = referenced("locationId", () -> locations.require(request.locationId())).zone();
        List<Instant> starts = SeriesPlan.occurrences(request.firstStart(), zone, request.repeat().intervalWeeks(),
                request.repeat().count(), request.repeat().until());
        List<BookingFacts> facts = bookingFacts.loadAll(request.patientId(), request.practitionerId(),
                request.serviceId(), request.locationId(), starts);
        AppointmentService.requireReferences(facts.get(0));
        List<Judged> judged = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            judged.add(judge(facts.get(i), request, starts.get(i)));
        }
        if (request.onConflict() == OnConflict.REJECT_ALL && judged.stream().anyMatch(j -> j.problem() != null)) {
            throw new SeriesNotBookableException(judged.stream().filter(j -> j.problem() != null)
                    .map(j -> j.occurrence(zone)).toList());
        }
        AppointmentSeries course = new AppointmentSeries(request.patientId(), request.practitionerId(),
                request.serviceId(), request.locationId(), starts.get(0), request.repeat().intervalWeeks(),
                request.repeat().count(), request.repeat().until(), request.onConflict(), clock.instant());
        series.persistAndFlush(course);
        List<Occurrence> occurrences = write(course, judged, booker, zone);
        auditLog.record(AuditEntry.of(CREATE, RESOURCE, course.id(), course.patientId()));
        events.emit(seriesEvent(EventType.SERIES_BOOKED, course, occurrences));
        Log.infof("Course %s booked: %d of %d visits", course.id(),
                occurrences.stream().filter(o -> o.appointmentId() != null).count(), occurrences.size());
        return new Created<>("/api/v1/appointment-series/" + course.id(), 0, view(course, occurrences));
    }

    /** One occurrence under the rules of a single booking: its slot, or the problem a single booking would get. */
    private Judged judge(BookingFacts facts, SeriesRequest request, Instant start) {
        try {
            return new Judged(start, booking.checkBookable(facts, request.practitionerId(), request.locationId(),
                    start, false), null);
        } catch (AppointmentService.Overlap overlap) {
            AppointmentService.Overlap named = booking.named(overlap, request.practitionerId(), request.patientId(), start,
                    start.plus(facts.service().duration()), null);
            return new Judged(start, null, new OccurrenceProblem(named.code(), named.getMessage(), named.blocking()));
        } catch (DomainException refused) {
            return new Judged(start, null, new OccurrenceProblem(refused.code(), refused.getMessage(), null));
        }
    }

    record Judged(Instant start, Appointment.Slot slot, OccurrenceProblem problem) {
        Occurrence occurrence(ZoneId zone) {
            return new Occurrence(SchedulingDtos.local(start, zone), null, null, problem);
        }
    }

    /** The passing occurrences, each with its audit row and event; with SKIP, one refused by a constraint is skipped. */
    private List<Occurrence> write(AppointmentSeries course, List<Judged> judged, Appointment.Booker booker, ZoneId zone) {
        List<Occurrence> occurrences = new ArrayList<>();
        Map<String, Problem> problems = SchedulingLinks.problems();
        for (Judged j : judged) {
            if (j.problem() != null) {
                occurrences.add(j.occurrence(zone));
                continue;
            }
            Appointment appointment = new Appointment(course.patientId(), course.practitionerId(), course.serviceId(),
                    course.locationId(), j.slot(), booker);
            appointment.partOf(course.id());
            var audit = auditLog.recordWith(AuditEntry.of(CREATE, AppointmentService.RESOURCE, appointment.id(),
                    appointment.patientId()));
            var event = events.emitWith(AppointmentEvents.of(EventType.APPOINTMENT_BOOKED, appointment, zone));
            if (course.onConflict() == OnConflict.REJECT_ALL) {
                appointments.insert(appointment, audit, event);
            } else {
                Optional<String> refused = appointments.insertUnlessRefused(appointment, audit, event);
                if (refused.isPresent()) {
                    Problem problem = problems.get(refused.get());
                    occurrences.add(new Occurrence(SchedulingDtos.local(j.start(), zone), null, null,
                            new OccurrenceProblem(problem == null ? "conflict" : problem.code(),
                                    problem == null ? "Refused by the database" : problem.detail(), null)));
                    continue;
                }
            }
            occurrences.add(new Occurrence(SchedulingDtos.local(j.start(), zone), appointment.id(),
                    appointment.status(), null));
        }
        return occurrences;
    }

    private static BookAppointmentRequest asBooking(SeriesRequest r) {
        return new BookAppointmentRequest(r.patientId(), r.practitionerId(), r.serviceId(), r.locationId(),
                r.firstStart(), null, null);
    }

    /** For a replayed course: the caller must still be allowed to start it, and the replay is a read. */
    public Idempotency.Guard bookingGuard(SeriesRequest request) {
        return new Idempotency.Guard() {
            @Override
            public void authorize() {
                booking.authorizeBooking(asBooking(request));
            }

            @Override
            public void replayed(String location) {
                auditLog.record(AuditEntry.of(READ, RESOURCE, Ids.fromLocation(location), request.patientId()));
            }
        };
    }

    @Transactional
    public SeriesView get(UUID id) {
        AppointmentSeries course = readable(id);
        auditLog.record(AuditEntry.of(READ, RESOURCE, id, course.patientId()));
        return view(course, current(course));
    }

    /**
     * Cancels the occurrence starting at {@code fromStart} and every later open one, each as a single
     * cancellation would (its own late flag, audit row and event), then announces the course's end.
     */
    @Transactional
    public SeriesView cancelFrom(UUID id, String reason, Instant fromStart) {
        AppointmentSeries course = readable(id);
        Instant now = clock.instant();
        ZoneId zone = locations.require(course.locationId()).zone();
        List<UUID> cancelled = new ArrayList<>();
        for (Appointment appointment : appointments.ofSeries(id)) {
            if (!appointment.start().isBefore(fromStart) && (appointment.status() == AppointmentStatus.BOOKED
                    || appointment.status() == AppointmentStatus.CHECKED_IN)) {
                appointment.cancel(reason, now);
                cancelled.add(appointment.id());
                freed.freed(appointment);
            }
        }
        appointments.flush();
        for (Appointment appointment : appointments.ofSeries(id)) {
            if (cancelled.contains(appointment.id())) {
                auditLog.record(AuditEntry.of(UPDATE, AppointmentService.RESOURCE, appointment.id(), course.patientId()));
                events.emit(AppointmentEvents.of(EventType.APPOINTMENT_CANCELLED, appointment, zone));
            }
        }
        List<Occurrence> occurrences = current(course);
        events.emit(seriesEvent(EventType.SERIES_CANCELLED, course, occurrences));
        Log.infof("Course %s: %d visits cancelled", id, cancelled.size());
        return view(course, occurrences);
    }

    /** Admins and the front desk see every course; a practitioner only their own (else 404, like appointments). */
    private AppointmentSeries readable(UUID id) {
        AppointmentSeries course = series.findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("Appointment series", id));
        if (!caller.is(Roles.ADMIN) && !caller.is(Roles.FRONT_DESK)
                && !caller.practitionerId().map(course.practitionerId()::equals).orElse(false)) {
            auditLog.recordDenied(AuditEntry.of(READ, RESOURCE, id, course.patientId()));
            throw new ResourceNotFoundException("Appointment series", id);
        }
        return course;
    }

    private List<Occurrence> current(AppointmentSeries course) {
        ZoneId zone = locations.require(course.locationId()).zone();
        return appointments.ofSeries(course.id()).stream().map(a -> new Occurrence(SchedulingDtos.local(a.start(), zone),
                a.id(), a.status(), null)).toList();
    }

    private SeriesView view(AppointmentSeries course, List<Occurrence> occurrences) {
        ZoneId zone = locations.require(course.locationId()).zone();
        return new SeriesView(course.id(), course.patientId(), course.practitionerId(), course.serviceId(),
                course.locationId(), SchedulingDtos.local(course.firstStart(), zone),
                new RepeatView(course.intervalWeeks(), course.occurrenceCount(), course.untilDate()),
                course.onConflict(), occurrences);
    }

    /** {@code series.booked|cancelled}: the course's ids and its visits' ids and states, nothing clinical. */
    private static EventEntry seriesEvent(EventType type, AppointmentSeries course, List<Occurrence> occurrences) {
        return EventEntry.of(type, RESOURCE, course.id(), course.patientId(), new SeriesEvent(course.id(),
                course.patientId(), course.practitionerId(), course.serviceId(), course.locationId(),
                occurrences.stream().map(o -> new SeriesEvent.Visit(o.start(), o.appointmentId(), o.status(),
                        o.problem() == null ? null : o.problem().code())).toList()));
    }

    record SeriesEvent(UUID seriesId, UUID patientId, UUID practitionerId, UUID serviceId, UUID locationId,
                       List<Visit> occurrences) {
        record Visit(java.time.OffsetDateTime start, UUID appointmentId, AppointmentStatus status, String problem) {
        }
    }

    /** REJECT_ALL and some occurrences fail: nothing is written; each failing occurrence is listed with its code. */
    static final class SeriesNotBookableException extends DomainException {
        private final transient List<Occurrence> refused;

        SeriesNotBookableException(List<Occurrence> refused) {
            super(422, "series-not-bookable", "Course not bookable",
                    refused.size() + " of the course's visits cannot be booked; nothing was booked");
            this.refused = refused;
        }

        @Override
        public Problem toProblem() {
            return super.toProblem().withExtension("occurrences", refused.stream()
                    .map(o -> {
                        Map<String, Object> occurrence = new java.util.LinkedHashMap<>();
                        occurrence.put("start", o.start());
                        occurrence.put("code", o.problem().code());
                        occurrence.put("detail", o.problem().detail());
                        occurrence.put("blockingAppointmentId", o.problem().blockingAppointmentId());
                        return occurrence;
                    }).toList());
        }
    }
}
