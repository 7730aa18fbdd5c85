package com.needleclinic.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.needleclinic.practitioner.CertificationStatus;
import com.needleclinic.practitioner.CertificationTerms;
import com.needleclinic.practitioner.Modality;
import com.needleclinic.scheduling.BookingFacts.LocationFacts;
import com.needleclinic.scheduling.BookingFacts.PractitionerFacts;
import com.needleclinic.scheduling.BookingFacts.ServiceFacts;
import com.needleclinic.shared.DatabaseException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Reads {@link BookingFacts} in one statement, in the caller's transaction if there is one.
 * Booking is the busiest write of the product; loading the patient, practitioner, certifications,
 * service, location, schedule, time off and overlaps as entities took eight round trips and most
 * of a booking's CPU (docs/performance.md). The query is the database function {@code
 * booking_facts} (migrations V008, V009): it reads the other features' tables directly, as the
 * rule-1 trigger does, and only reads them. It runs on a plan built once per connection, which is
 * the same from an empty database to a full one: planning it for every booking cost more than
 * running it.
 */
@ApplicationScoped
class BookingFactsRepository {

    /** The query is migration V009's, written to have one plan whatever the statistics. */
    private static final String SQL = "select booking_facts(?, ?, ?, ?, ?, ?, ?, ?, ?), location_closed(?, ?, ?)";

    /** Stands for "no appointment" when booking rather than moving one. */
    static final UUID NONE = new UUID(0, 0);

    private final AgroalDataSource dataSource;
    private final com.fasterxml.jackson.databind.ObjectReader reader;

    BookingFactsRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        // Fields a later version adds to booking_facts are ignored: during a rolling deploy the
        // function already answers the next version's shape while this one still runs.
        this.reader = json.readerFor(Document.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The facts for booking [start, start + the service's length), or moving appointment {@code self}
     * there; {@code room} is the room asked for (or null), {@code prefer} the room to keep if free;
     * {@code claim}: take {@code prefer} without looking whether it is free (the insert's constraints
     * decide), for a practitioner's own room.
     */
    BookingFacts load(UUID patientId, UUID practitionerId, UUID serviceId, UUID locationId, Instant start, UUID self,
                      UUID room, UUID prefer, boolean claim) {
        String document;
        boolean closed;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setObject(1, patientId);
            statement.setObject(2, practitionerId);
            statement.setObject(3, serviceId);
            statement.setObject(4, locationId);
            statement.setObject(5, start.atOffset(ZoneOffset.UTC));
            statement.setObject(6, self == null ? NONE : self);
            statement.setObject(7, room, java.sql.Types.OTHER);
            statement.setObject(8, prefer, java.sql.Types.OTHER);
            statement.setBoolean(9, claim);
            statement.setObject(10, locationId);
            statement.setObject(11, serviceId);
            statement.setObject(12, start.atOffset(ZoneOffset.UTC));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                document = row.getString(1);
                closed = row.getBoolean(2);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        try {
            return reader.<Document>readValue(document).facts(closed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable booking facts", e);
        }
    }

    /**
     * The facts of every occurrence of a course in one statement: the function once per start, in
     * the order given (one round trip for a 52-visit course, not 52).
     */
    List<BookingFacts> loadAll(UUID patientId, UUID practitionerId, UUID serviceId, UUID locationId, List<Instant> starts) {
        List<BookingFacts> facts = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "select booking_facts(?, ?, ?, ?, s.start_at::timestamptz, ?, null, null, false),"
                        + " location_closed(?, ?, s.start_at::timestamptz) from unnest(?::text[])"
                        + " with ordinality as s(start_at, n) order by s.n")) {
            statement.setObject(1, patientId);
            statement.setObject(2, practitionerId);
            statement.setObject(3, serviceId);
            statement.setObject(4, locationId);
            statement.setObject(5, NONE);
            statement.setObject(6, locationId);
            statement.setObject(7, serviceId);
            statement.setArray(8, connection.createArrayOf("text", starts.stream().map(Instant::toString).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    facts.add(reader.<Document>readValue(rows.getString(1)).facts(rows.getBoolean(2)));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable booking facts", e);
        }
        return facts;
    }

    // The statement's JSON, field for field. Dates, times and instants travel as numbers (days since
    // the epoch, microseconds of the day or since the epoch, PostgreSQL's own precision): parsing
    // them as text was most of the cost of reading the document.

    record Document(boolean patientFound, Practitioner practitioner, ServiceFacts service, LocationFacts location,
                    List<Block> schedule, List<Span> timeOff, boolean practitionerBusy, boolean patientBusy,
                    boolean roomAtLocation, UUID room) {
        BookingFacts facts(boolean locationClosed) {
            return new BookingFacts(patientFound, practitioner == null ? null : practitioner.facts(), service,
                    location, schedule.stream().map(Block::block).toList(), timeOff.stream().map(Span::period).toList(),
                    practitionerBusy, patientBusy, roomAtLocation, room, locationClosed);
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
