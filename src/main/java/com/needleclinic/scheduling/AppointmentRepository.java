package com.needleclinic.scheduling;

import com.needleclinic.shared.DatabaseException;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.SqlInsert;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    /** Rule 1 failing now: the practitioner is inactive, or no certification covers a needling service's date. */
    private static final String NOT_CERTIFIED = """
            (not p.active or (s.modality is not null and not exists (
                select 1 from certification c
                 where c.practitioner_id = a.practitioner_id and certification_authorises(c, s.modality, a.local_date))))""";

    /**
     * Rooms (docs/rules.md): the visit has no room its service can use - its room was deactivated or
     * lost a capability the service requires, or the service came to require a room it does not have.
     */
    private static final String ROOM_UNSERVED = """
            ((s.required_capabilities <> '' or a.room_id is not null) and not exists (
                select 1 from room r where r.id = a.room_id and r.active
                   and string_to_array(r.capabilities, ',') @> string_to_array(s.required_capabilities, ',')))""";

    /** A closure of the visit's location, made after it was booked, overlaps it (V023). */
    private static final String IN_CLOSURE = """
            exists (select 1 from location_closure c where c.location_id = a.location_id
                       and c.period && tstzrange(a.start_at, a.end_at, '[)'))""";

    /** An open visit still to come: the only kind that can need the desk's attention. */
    private static final String FUTURE_OPEN = "a.status in ('BOOKED','CHECKED_IN') and a.start_at > :now and a.end_at > :now";

    static final Duration LONGEST = Appointment.LONGEST;

    private static final String COLUMNS = "insert into appointment"
            + " (id, patient_id, practitioner_id, service_id, location_id, start_at, end_at, local_date, status, version,"
            + " booked_by, room_id, series_id, offer_expires_at, desk_note)";

    private static final String INSERT = COLUMNS + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * A visit with a room: bookings for one room take turns (a transaction-scoped advisory lock,
     * keyed by the room) before the row is written - inside the insert itself, as the room's value,
     * so it costs no statement of its own. Two inserts racing for one room then meet as "committed
     * first, refused second" (an exclusion violation the booking retries at once) instead of each
     * waiting on the other's uncommitted row until PostgreSQL's deadlock detector (1 s) picks a
     * victim. The key is the room id's text, as before, so instances of both versions interlock.
     */
    private static final String INSERT_ROOMED = COLUMNS + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " (select x.r from (select ?::uuid as r) x, pg_advisory_xact_lock(7321, hashtext(x.r::text))), ?, ?, ?)";

    private final AgroalDataSource dataSource;

    AppointmentRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Writes a new appointment and its companions (its audit row, its event) as one message: one
     * round trip, and one implicit transaction when no transaction is active (PostgreSQL commits at
     * the message's end, or rolls all back), so they need no BEGIN or COMMIT of their own
     * (docs/performance.md). Inside an active transaction the data source hands out that
     * transaction's connection and they join it. A visit with a room takes its room's turn first.
     * The exclusion constraints and the certification trigger judge the row as for any insert; a
     * violation surfaces as the driver's exception, mapped by constraint name like any other.
     */
    void insert(Appointment appointment, SqlInsert... companions) {
        StringBuilder sql = new StringBuilder(appointment.roomId() != null ? INSERT_ROOMED : INSERT);
        for (SqlInsert companion : companions) {
            sql.append(";\n").append(companion.sql());
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            bindRow(statement, 1, appointment);
            int next = 1 + COLUMN_COUNT;
            for (SqlInsert companion : companions) {
                next = companion.bind(statement, next);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static void bindRow(PreparedStatement statement, int first, Appointment appointment) throws SQLException {
        int i = first;
        statement.setObject(i++, appointment.id());
        statement.setObject(i++, appointment.patientId());
        statement.setObject(i++, appointment.practitionerId());
        statement.setObject(i++, appointment.serviceId());
        statement.setObject(i++, appointment.locationId());
        statement.setObject(i++, appointment.start().atOffset(ZoneOffset.UTC));
        statement.setObject(i++, appointment.end().atOffset(ZoneOffset.UTC));
        statement.setObject(i++, appointment.localDate());
        statement.setString(i++, appointment.status().name());
        statement.setLong(i++, appointment.version());
        statement.setString(i++, appointment.bookedBy().name());
        statement.setObject(i++, appointment.roomId(), java.sql.Types.OTHER);
        statement.setObject(i++, appointment.seriesId(), java.sql.Types.OTHER);
        statement.setObject(i++, appointment.offerExpiresAt() == null ? null
                : appointment.offerExpiresAt().atOffset(ZoneOffset.UTC), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setString(i, appointment.deskNote());
    }

    /** How many parameters {@link #bindRow} binds. */
    private static final int COLUMN_COUNT = 15;

    /**
     * Inside the caller's transaction, writes the appointment and its companions behind a
     * savepoint: refused by a constraint (a booking made meanwhile took the slot), it rolls back to
     * the savepoint and answers the constraint's name, and the transaction carries on without it.
     */
    Optional<String> insertUnlessRefused(Appointment appointment, SqlInsert... companions) {
        // Savepoints as SQL: the pool refuses Connection.rollback(Savepoint) on a connection enlisted
        // in a JTA transaction, and the statements do the same thing without asking it.
        try (Connection connection = dataSource.getConnection(); Statement savepoint = connection.createStatement()) {
            savepoint.execute("savepoint unless_refused");
            try {
                insert(appointment, companions);
                savepoint.execute("release savepoint unless_refused");
                return Optional.empty();
            } catch (DatabaseException e) {
                if (e.constraint().isEmpty()) {
                    throw e;
                }
                savepoint.execute("rollback to savepoint unless_refused");
                return e.constraint();
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Waitlist holds whose time is up, oldest first (the partial index appointment_held_until). */
    List<UUID> heldUntil(Instant now, int limit) {
        return find("status = ?1 and offerExpiresAt <= ?2 order by offerExpiresAt", AppointmentStatus.HELD, now)
                .page(0, limit).stream().map(Appointment::id).toList();
    }

    /** A course's visits in order of their start. */
    List<Appointment> ofSeries(UUID seriesId) {
        return list("seriesId = ?1 order by startAt", seriesId);
    }

    /**
     * Open appointments of these practitioners overlapping [from, to). The upper bound on the end
     * keeps the read to a window of the (practitioner_id, end_at) index: an overlapping appointment
     * starts before {@code to} and lasts at most {@link #LONGEST}.
     */
    List<Appointment> openBetween(Collection<UUID> practitionerIds, Instant from, Instant to) {
        if (practitionerIds.isEmpty()) {
            return List.of();
        }
        return list("practitionerId in ?1 and status <> ?2 and startAt < ?3 and endAt > ?4 and endAt < ?5",
                practitionerIds, AppointmentStatus.CANCELLED, to, from, to.plus(LONGEST));
    }

    /**
     * The care circle (docs/rules.md): a non-cancelled visit the front desk or an admin booked (a
     * waitlist offer counts once accepted), or a visit that took place (checked in or completed), whoever booked it.
     */
    boolean inCareCircle(UUID practitionerId, UUID patientId) {
        return !inCareCircleOf(practitionerId, List.of(patientId)).isEmpty();
    }

    /** Which of {@code patientIds} are in the practitioner's care circle (docs/security.md), in one query. */
    Set<UUID> inCareCircleOf(UUID practitionerId, Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager().createQuery("""
                        select distinct a.patientId from Appointment a
                         where a.practitionerId = :practitioner and a.patientId in :patients
                           and ((a.status not in :notBooked and a.bookedBy = :desk) or a.status in :seen)""", UUID.class)
                .setParameter("practitioner", practitionerId).setParameter("patients", patientIds)
                .setParameter("notBooked", List.of(AppointmentStatus.CANCELLED, AppointmentStatus.HELD))
                .setParameter("desk", Appointment.Booker.DESK)
                .setParameter("seen", List.of(AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED))
                .getResultList());
    }

    /** Appointments by filter, ordered by start then id; the cursor is the last appointment's id. */
    List<Appointment> search(AppointmentFilter filter, Instant now, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(where, params, filter.practitionerId(), "a.practitioner_id = :practitioner", "practitioner");
        add(where, params, filter.patientId(), "a.patient_id = :patient", "patient");
        add(where, params, filter.locationId(), "a.location_id = :location", "location");
        add(where, params, filter.roomId(), "a.room_id = :room", "room");
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.add("a.status in (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        localDates(where, params, filter.from(), filter.to());
        if (filter.needsAttention()) {
            where.add(FUTURE_OPEN + " and (" + NOT_CERTIFIED + " or " + ROOM_UNSERVED + " or " + IN_CLOSURE + ")");
            params.put("now", now.atOffset(ZoneOffset.UTC));
        }
        add(where, params, page.after(), "(a.start_at, a.id) > (select b.start_at, b.id from appointment b where b.id = :after)",
                "after");
        String sql = "select a.* from appointment a join clinic_service s on s.id = a.service_id "
                + "join practitioner p on p.id = a.practitioner_id"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by a.start_at, a.id limit :limit";
        Query query = getEntityManager().createNativeQuery(sql, Appointment.class).setParameter("limit", page.limit());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Appointment> rows = query.getResultList();
        return rows;
    }

    /** Future open appointments of a practitioner that rule 1 no longer allows. */
    List<UUID> notCertifiedFuture(UUID practitionerId, Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                select a.id from appointment a join clinic_service s on s.id = a.service_id
                  join practitioner p on p.id = a.practitioner_id
                 where a.practitioner_id = :practitioner and a.status in ('BOOKED','CHECKED_IN') and a.start_at > :now
                   and a.end_at > :now
                   and """ + NOT_CERTIFIED + " order by a.start_at, a.id", UUID.class)
                .setParameter("practitioner", practitionerId).setParameter("now", now.atOffset(ZoneOffset.UTC))
                .getResultList();
        return ids;
    }

    /** The first open visit of the practitioner (or patient) overlapping [start, end), other than {@code self}. */
    Optional<UUID> blocking(UUID party, boolean practitioner, Instant start, Instant end, UUID self) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("select a.id from appointment a where "
                        + (practitioner ? "a.practitioner_id" : "a.patient_id") + " = :party and a.status <> 'CANCELLED'"
                        + " and a.start_at < :end and a.end_at > :start and a.id <> :self order by a.start_at limit 1",
                        UUID.class)
                .setParameter("party", party).setParameter("start", start.atOffset(ZoneOffset.UTC))
                .setParameter("end", end.atOffset(ZoneOffset.UTC)).setParameter("self", self == null ? BookingFactsRepository.NONE : self)
                .getResultList();
        return ids.stream().findFirst();
    }

    /** Future open visits (and holds) at the location overlapping [from, to): what a new closure strands. */
    List<UUID> openAtLocationBetween(UUID locationId, Instant from, Instant to, Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        select a.id from appointment a
                         where a.location_id = :location and a.status in ('BOOKED','CHECKED_IN','HELD')
                           and a.start_at < :to and a.end_at > :from and a.end_at > :now
                         order by a.start_at, a.id""", UUID.class)
                .setParameter("location", locationId).setParameter("from", from.atOffset(ZoneOffset.UTC))
                .setParameter("to", to.atOffset(ZoneOffset.UTC)).setParameter("now", now.atOffset(ZoneOffset.UTC))
                .getResultList();
        return ids;
    }

    /** Future open visits in the room that it no longer serves. */
    List<UUID> unservedInRoom(UUID roomId, Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("select a.id from appointment a"
                        + " join clinic_service s on s.id = a.service_id where a.room_id = :room and " + FUTURE_OPEN
                        + " and " + ROOM_UNSERVED + " order by a.start_at, a.id", UUID.class)
                .setParameter("room", roomId).setParameter("now", now.atOffset(ZoneOffset.UTC)).getResultList();
        return ids;
    }

    /** Why each of these visits needs the desk's attention now (no entry: it does not). */
    Map<UUID, List<String>> attention(Collection<UUID> ids, Instant now) {
        return attention(ids, now, false);
    }

    /** {@link #attention}, for waitlist holds too when {@code held} (judged at acceptance). */
    Map<UUID, List<String>> attention(Collection<UUID> ids, Instant now, boolean held) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("select a.id, " + NOT_CERTIFIED + ", " + ROOM_UNSERVED
                        + ", " + IN_CLOSURE + " from appointment a join clinic_service s on s.id = a.service_id"
                        + " join practitioner p on p.id = a.practitioner_id where a.id in (:ids) and "
                        + (held ? "a.status = 'HELD' and a.start_at > :now" : FUTURE_OPEN))
                .setParameter("ids", ids).setParameter("now", now.atOffset(ZoneOffset.UTC)).getResultList();
        Map<UUID, List<String>> reasons = new HashMap<>();
        for (Object[] row : rows) {
            List<String> why = new ArrayList<>();
            if (Boolean.TRUE.equals(row[1])) {
                why.add(AttentionReason.PRACTITIONER_NOT_CERTIFIED);
            }
            if (Boolean.TRUE.equals(row[2])) {
                why.add(AttentionReason.ROOM_UNAVAILABLE);
            }
            if (Boolean.TRUE.equals(row[3])) {
                why.add(AttentionReason.LOCATION_CLOSED);
            }
            if (!why.isEmpty()) {
                reasons.put((UUID) row[0], why);
            }
        }
        return reasons;
    }

    /** Open visits of these rooms overlapping [from, to), as busy periods by room (availability with rooms). */
    Map<UUID, List<Period>> roomsBusy(Collection<UUID> roomIds, Instant from, Instant to) {
        if (roomIds.isEmpty()) {
            return Map.of();
        }
        return list("roomId in ?1 and status <> ?2 and startAt < ?3 and endAt > ?4", roomIds,
                AppointmentStatus.CANCELLED, to, from).stream()
                .collect(Collectors.groupingBy(Appointment::roomId,
                        Collectors.mapping(a -> new Period(a.start(), a.end()), Collectors.toList())));
    }

    /**
     * Local dates from..to (inclusive, each bound optional), plus the same as windows of start and
     * end times that contain them - a local date is within a day of the UTC date in every time
     * zone, and an appointment lasts at most {@link #LONGEST} - so the (patient_id, start_at) and
     * (practitioner_id, end_at) indexes read only those windows.
     */
    private static void localDates(List<String> where, Map<String, Object> params, LocalDate from, LocalDate to) {
        if (from != null) {
            where.add("a.local_date >= :from and a.start_at >= :startsFrom and a.end_at > :startsFrom");
            params.put("from", from);
            params.put("startsFrom", utcMidnight(from.minusDays(1)));
        }
        if (to != null) {
            OffsetDateTime startsBefore = utcMidnight(to.plusDays(2));
            where.add("a.local_date <= :to and a.start_at < :startsBefore and a.end_at < :endsBefore");
            params.put("to", to);
            params.put("startsBefore", startsBefore);
            params.put("endsBefore", startsBefore.plus(LONGEST));
        }
    }

    private static OffsetDateTime utcMidnight(LocalDate date) {
        return date.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static void add(List<String> where, Map<String, Object> params, Object value, String clause, String name) {
        if (value != null) {
            where.add(clause);
            params.put(name, value);
        }
    }

    /** Filters of {@code GET /appointments}; dates are local dates at the appointment's location, inclusive. */
    record AppointmentFilter(UUID practitionerId, UUID patientId, UUID locationId, UUID roomId, LocalDate from,
                             LocalDate to, boolean needsAttention, java.util.Set<AppointmentStatus> statuses) {
        AppointmentFilter forPractitioner(UUID own) {
            return new AppointmentFilter(own, patientId, locationId, roomId, from, to, needsAttention, statuses);
        }
    }

    /** What a day view shows beside an appointment, and the zone its times are written in. */
    record Display(String patientName, String practitionerName, String serviceName, java.time.ZoneId zone) {

        /** The same without the patient's name, for a caller who may not read the patient. */
        Display withoutPatient() {
            return new Display(null, practitionerName, serviceName, zone);
        }
    }

    /** Names and zones of a page of appointments, in one query. */
    Map<UUID, Display> display(List<Appointment> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = getEntityManager().createNativeQuery("""
                select a.id, p.first_name || ' ' || p.last_name, pr.first_name || ' ' || pr.last_name, s.name, l.time_zone
                  from appointment a join patient p on p.id = a.patient_id join practitioner pr on pr.id = a.practitioner_id
                  join clinic_service s on s.id = a.service_id join location l on l.id = a.location_id
                 where a.id in (:ids)""").setParameter("ids", rows.stream().map(Appointment::id).toList()).getResultList();
        Map<UUID, Display> display = new HashMap<>();
        for (Object[] row : found) {
            display.put((UUID) row[0], new Display((String) row[1], (String) row[2], (String) row[3],
                    java.time.ZoneId.of((String) row[4])));
        }
        return display;
    }
}
