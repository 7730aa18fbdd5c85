package com.needleclinic.events;

import com.needleclinic.shared.DatabaseException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The outbox and the feed, in plain JDBC: inside a transaction the data source hands out that
 * transaction's connection, so an event is written with its change and rolls back with it.
 */
@ApplicationScoped
class EventRepository {

    private static final String FEED = "select e.id, f.sequence, e.type, e.occurred_at, e.resource_type, e.resource_id,"
            + " e.patient_id, e.data::text from event_feed f join event e on e.id = f.event_id"
            + " where f.sequence > ? and f.sequence <= ?";

    private final AgroalDataSource dataSource;

    EventRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(EventRow row) {
        EventInsert insert = new EventInsert(row);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(insert.sql())) {
            insert.bind(statement, 1);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** The last sequence assigned: every event up to it is committed and visible. */
    long head() {
        return number("select last_sequence from event_feed_head");
    }

    /** The last purged sequence (docs/operations.md, "Retention"): the feed holds only what follows it. */
    long purgedThrough() {
        return number("select purged_through from event_retention");
    }

    private long number(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Events in (after, upTo], of the given types (all when empty), in sequence order. */
    List<EventView> between(long after, long upTo, Collection<String> types, int limit) {
        String sql = FEED + (types.isEmpty() ? "" : " and e.type = any(?)") + " order by f.sequence limit ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            statement.setLong(i++, after);
            statement.setLong(i++, upTo);
            if (!types.isEmpty()) {
                statement.setArray(i++, connection.createArrayOf("varchar", types.toArray()));
            }
            statement.setInt(i, limit);
            try (ResultSet rs = statement.executeQuery()) {
                List<EventView> events = new ArrayList<>();
                while (rs.next()) {
                    events.add(new EventView(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5),
                            rs.getObject(6, UUID.class), rs.getObject(7, UUID.class), rs.getString(8)));
                }
                return events;
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
