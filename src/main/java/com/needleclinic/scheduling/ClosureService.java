package com.needleclinic.scheduling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.needleclinic.location.Location;
import com.needleclinic.location.LocationService;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.Ids;
import com.needleclinic.shared.NativeRows;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.ResourceNotFoundException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Clinic-wide closures (docs/rules.md, "Front desk"). Nothing is booked, moved or offered into
 * one (the Java check in {@link AppointmentService#checkBookable}, the trigger
 * {@code appointment_outside_closure} behind it); a closure made over booked visits flags each
 * ({@code LOCATION_CLOSED}, an {@code appointment.needs_attention} event) and answers their ids.
 */
@ApplicationScoped
public class ClosureService {

    /** The longest closure: a renovation, not a location that closed for good (deactivate it). */
    static final Duration LONGEST = Duration.ofDays(366);

    private final EntityManager entityManager;
    private final LocationService locations;
    private final AppointmentRepository appointments;
    private final AppointmentService bookings;
    private final ScheduleRepository schedules;
    private final FreedTimes freed;
    private final Clock clock;

    ClosureService(EntityManager entityManager, LocationService locations, AppointmentRepository appointments,
                   AppointmentService bookings, ScheduleRepository schedules, FreedTimes freed, Clock clock) {
        this.entityManager = entityManager;
        this.locations = locations;
        this.appointments = appointments;
        this.bookings = bookings;
        this.schedules = schedules;
        this.freed = freed;
        this.clock = clock;
    }

    public record ClosureRequest(@NotNull OffsetDateTime start, @NotNull OffsetDateTime end,
                                 @NotBlank @Size(max = 200) String reason) {
        @AssertTrue(message = "must be after start, at most 366 days later")
        private boolean isEndAfterStart() {
            return start == null || end == null
                    || end.isAfter(start) && Duration.between(start, end).compareTo(LONGEST) <= 0;
        }
    }

    /** A closure, with its times in the location's offset; {@code affectedAppointmentIds} only when just made. */
    public record ClosureView(UUID id, UUID locationId, OffsetDateTime start, OffsetDateTime end, String reason,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<UUID> affectedAppointmentIds) {
    }

    /**
     * Writes the closure while holding the location's key exclusively (bookings share it, in the
     * trigger): every visit committed before it is seen and flagged, every visit after it sees it.
     * An overlapping closure is refused by the exclusion constraint (409 closure-overlaps).
     */
    @Transactional
    public Created<ClosureView> create(UUID locationId, ClosureRequest request) {
        Location location = locations.require(locationId);
        Instant start = request.start().toInstant();
        Instant end = request.end().toInstant();
        entityManager.createNativeQuery("select pg_advisory_xact_lock(7322, hashtext(cast(:location as text)))")
                .setParameter("location", locationId.toString()).getSingleResult();
        UUID id = Ids.newId();
        entityManager.createNativeQuery("""
                        insert into location_closure (id, location_id, period, reason)
                        values (:id, :location, tstzrange(:start, :end, '[)'), :reason)""")
                .setParameter("id", id).setParameter("location", locationId)
                .setParameter("start", start.atOffset(ZoneOffset.UTC)).setParameter("end", end.atOffset(ZoneOffset.UTC))
                .setParameter("reason", request.reason().strip()).executeUpdate();
        List<UUID> stranded = appointments.openAtLocationBetween(locationId, start, end, clock.instant());
        bookings.announceNeedsAttention(stranded, List.of(AttentionReason.LOCATION_CLOSED));
        Log.infof("Location %s closed: closure %s, %d visits flagged", locationId, id, stranded.size());
        return new Created<>("/api/v1/locations/" + locationId + "/closures/" + id, 0,
                view(id, location, start, end, request.reason().strip(), stranded));
    }

    @Transactional
    public Page<ClosureView> list(UUID locationId, LocalDate from, PageRequest page) {
        Location location = locations.require(locationId);
        Instant since = (from == null ? LocalDate.now(clock.withZone(location.zone())) : from)
                .atStartOfDay(location.zone()).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select id, lower(period), upper(period), reason from location_closure
                         where location_id = :location and upper(period) > :since
                           and (cast(:after as uuid) is null or id > cast(:after as uuid))
                         order by id limit :limit""")
                .setParameter("location", locationId).setParameter("since", since.atOffset(ZoneOffset.UTC))
                .setParameter("after", page.after() == null ? null : page.after().toString())
                .setParameter("limit", page.limit() + 1).getResultList();
        List<ClosureView> closures = rows.stream().map(r -> view((UUID) r[0], location, NativeRows.instant(r[1]), NativeRows.instant(r[2]),
                (String) r[3], null)).toList();
        return page.toPage(closures, ClosureView::id, c -> c);
    }

    /** Reopens the time: the waitlist may offer it again (to each practitioner who works there). */
    @Transactional
    public void delete(UUID locationId, UUID closureId) {
        locations.require(locationId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        delete from location_closure where id = :id and location_id = :location
                        returning lower(period), upper(period)""")
                .setParameter("id", closureId).setParameter("location", locationId).getResultList();
        if (rows.isEmpty()) {
            throw new ResourceNotFoundException("Closure", closureId);
        }
        Instant start = NativeRows.instant(rows.get(0)[0]);
        Instant end = NativeRows.instant(rows.get(0)[1]);
        schedules.atLocation(locationId).stream().map(ScheduleEntry::practitionerId).distinct()
                .forEach(practitioner -> freed.freed(practitioner, locationId, start, end));
        Log.infof("Closure %s of location %s removed", closureId, locationId);
    }

    private static ClosureView view(UUID id, Location location, Instant start, Instant end, String reason,
                                    List<UUID> affected) {
        return new ClosureView(id, location.id(), SchedulingDtos.local(start, location.zone()),
                SchedulingDtos.local(end, location.zone()), reason, affected);
    }
}
