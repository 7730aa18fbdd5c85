package com.needleclinic.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.needleclinic.practitioner.CertificationStatus;
import com.needleclinic.practitioner.CertificationTerms;
import com.needleclinic.practitioner.Modality;
import com.needleclinic.scheduling.BookingFacts.LocationFacts;
import com.needleclinic.scheduling.BookingFacts.PractitionerFacts;
import com.needleclinic.scheduling.BookingFacts.ServiceFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Reads {@link BookingFacts} in one statement on the transaction's connection. Booking is the
 * busiest write of the product; loading the patient, practitioner, certifications, service,
 * location, schedule, time off and overlaps as entities took eight round trips and most of a
 * booking's CPU (docs/performance.md). This reads the other features' tables directly, as the
 * rule-1 query of {@link AppointmentRepository} does, and only reads them.
 *
 * <p>The overlap tests use the same range expressions as the exclusion constraints, so they are
 * answered from those constraints' GiST indexes whatever the number of appointments.
 */
@ApplicationScoped
class BookingFactsRepository {

    private static final String SQL = """
            with slot as (
                select a.patient, a.practitioner, a.service, a.location, a.self,
                       tstzrange(a.start_at, a.start_at + make_interval(mins => s.duration_minutes), '[)') as span
                  from (select ?::uuid as patient, ?::uuid as practitioner, ?::uuid as service, ?::uuid as location,
                               ?::timestamptz as start_at, ?::uuid as self) a
                  left join clinic_service s on s.id = a.service)
            select json_build_object(
                'patientFound', exists (select 1 from patient p where p.id = slot.patient),
                'practitioner', (select json_build_object('active', p.active, 'certifications', coalesce(
                        (select json_agg(json_build_object('modality', c.modality, 'status', c.status,
                                'validFrom', c.valid_from - date '1970-01-01', 'validUntil', c.valid_until - date '1970-01-01'))
                           from certification c where c.practitioner_id = p.id), '[]'::json))
                      from practitioner p where p.id = slot.practitioner),
                'service', (select json_build_object('modality', s.modality, 'durationMinutes', s.duration_minutes)
                      from clinic_service s where s.id = slot.service),
                'location', (select json_build_object('timeZone', l.time_zone) from location l where l.id = slot.location),
                'schedule', coalesce((select json_agg(json_build_object('locationId', e.location_id,
                        'day', e.day_of_week, 'start', (extract(epoch from e.start_time) * 1000000)::bigint,
                        'end', (extract(epoch from e.end_time) * 1000000)::bigint))
                      from schedule_entry e where e.practitioner_id = slot.practitioner), '[]'::json),
                'timeOff', coalesce((select json_agg(json_build_object(
                        'start', (extract(epoch from t.start_at) * 1000000)::bigint,
                        'end', (extract(epoch from t.end_at) * 1000000)::bigint))
                      from time_off t where t.practitioner_id = slot.practitioner
                       and tstzrange(t.start_at, t.end_at, '[)') && slot.span), '[]'::json),
                'practitionerBusy', exists (select 1 from appointment a where a.practitioner_id = slot.practitioner
                       and a.status <> 'CANCELLED' and tstzrange(a.start_at, a.end_at, '[)') && slot.span
                       and a.id <> slot.self),
                'patientBusy', exists (select 1 from appointment a where a.patient_id = slot.patient
                       and a.status <> 'CANCELLED' and tstzrange(a.start_at, a.end_at, '[)') && slot.span
                       and a.id <> slot.self))
              from slot""";

    /** Stands for "no appointment" when booking rather than moving one. */
    private static final UUID NONE = new UUID(0, 0);

    private final EntityManager entityManager;
    private final ObjectMapper json;

    BookingFactsRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** The facts for booking [start, start + the service's length), or moving appointment {@code self} there. */
    BookingFacts load(UUID patientId, UUID practitionerId, UUID serviceId, UUID locationId, Instant start, UUID self) {
        String document = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SQL)) {
                statement.setObject(1, patientId);
                statement.setObject(2, practitionerId);
                statement.setObject(3, serviceId);
                statement.setObject(4, locationId);
                statement.setObject(5, start.atOffset(ZoneOffset.UTC));
                statement.setObject(6, self == null ? NONE : self);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
        try {
            return json.readValue(document, Document.class).facts();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable booking facts", e);
        }
    }

    // The statement's JSON, field for field. Dates, times and instants travel as numbers (days since
    // the epoch, microseconds of the day or since the epoch, PostgreSQL's own precision): parsing
    // them as text was most of the cost of reading the document.

    record Document(boolean patientFound, Practitioner practitioner, ServiceFacts service, LocationFacts location,
                    List<Block> schedule, List<Span> timeOff, boolean practitionerBusy, boolean patientBusy) {
        BookingFacts facts() {
            return new BookingFacts(patientFound, practitioner == null ? null : practitioner.facts(), service,
                    location, schedule.stream().map(Block::block).toList(), timeOff.stream().map(Span::period).toList(),
                    practitionerBusy, patientBusy);
        }
    }

    record Practitioner(boolean active, List<Terms> certifications) {
        PractitionerFacts facts() {
            return new PractitionerFacts(active, certifications.stream().map(Terms::terms).toList());
        }
    }

    record Terms(Modality modality, CertificationStatus status, long validFrom, Long validUntil) {
        CertificationTerms terms() {
            return new CertificationTerms(modality, status, LocalDate.ofEpochDay(validFrom),
                    validUntil == null ? null : LocalDate.ofEpochDay(validUntil));
        }
    }

    /** A schedule row: the weekday is ISO (1 = Monday), as stored. */
    record Block(UUID locationId, int day, long start, long end) {
        WeeklyBlock block() {
            return new WeeklyBlock(locationId, DayOfWeek.of(day), LocalTime.ofNanoOfDay(start * 1_000),
                    LocalTime.ofNanoOfDay(end * 1_000));
        }
    }

    record Span(long start, long end) {
        Period period() {
            return new Period(instant(start), instant(end));
        }

        private static Instant instant(long micros) {
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
        }
    }
}
