package com.needleclinic.scheduling;

import com.needleclinic.shared.DatabaseException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A practitioner's home room at a location for a service (docs/rules.md, "Rooms"): the k-th
 * practitioner working there (in the database's order of ids) starts from the k-th room the
 * service can use. {@code free_room()} works the same out in SQL for every booking, from two
 * scans; handed the home room, it answers with one look at that room when it is free (most
 * bookings), ~85 us less per booking (docs/performance.md, "Rooms"); when the room is the
 * practitioner's own, a booking claims it without that look (AppointmentService#book). Read from a
 * cache refreshed every {@link #FRESH}: only a preference, so a stale answer (a room deactivated, a
 * practitioner added meanwhile) costs the longer way round, never a wrong room - the database checks
 * the room it is given and the constraints decide.
 */
@ApplicationScoped
class HomeRooms {

    static final Duration FRESH = Duration.ofSeconds(10);
    /** Keys come from requests (a fuzzer's random ids too): past this many, a cache starts over. */
    static final int MAX_KEYS = 4096;

    private static final String PRACTITIONERS =
            "select distinct practitioner_id from schedule_entry where location_id = ? order by practitioner_id";
    private static final String ROOMS = """
            select r.id from room r join clinic_service s on s.id = ?
             where r.location_id = ? and r.active and s.required_capabilities <> ''
               and string_to_array(r.capabilities, ',') @> string_to_array(s.required_capabilities, ',')
             order by r.id""";

    private record Cached(List<UUID> ids, long loadedAt) {
    }

    private final AgroalDataSource dataSource;
    private final Map<UUID, Cached> practitioners = new ConcurrentHashMap<>();
    private final Map<List<UUID>, Cached> rooms = new ConcurrentHashMap<>();

    HomeRooms(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A practitioner's home room; {@code own} when no other practitioner of the location starts from
     * the same room (the location has at least as many suitable rooms as practitioners).
     */
    record Home(UUID room, boolean own) {
    }

    /** The home room, or null: the service needs none, or the practitioner does not work there. */
    Home of(UUID locationId, UUID serviceId, UUID practitionerId) {
        List<UUID> suitable = fresh(rooms, List.of(locationId, serviceId), ROOMS, serviceId, locationId);
        if (suitable.isEmpty()) {
            return null;
        }
        List<UUID> working = fresh(practitioners, locationId, PRACTITIONERS, locationId);
        int k = working.indexOf(practitionerId);
        return k < 0 ? null : new Home(suitable.get(k % suitable.size()), working.size() <= suitable.size());
    }

    private <K> List<UUID> fresh(Map<K, Cached> cache, K key, String sql, UUID... params) {
        long now = System.nanoTime();
        Cached cached = cache.get(key);
        if (cached == null || now - cached.loadedAt() > FRESH.toNanos()) {
            cached = new Cached(read(sql, params), now);
            if (cache.size() >= MAX_KEYS) {
                cache.clear();
            }
            cache.put(key, cached);
        }
        return cached.ids();
    }

    private List<UUID> read(String sql, UUID... params) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return List.copyOf(ids);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
