package com.needleclinic.events;

import com.needleclinic.shared.SqlInsert;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;

/**
 * An event as one parameterised statement: the event, and its row in {@code event_pending} for the
 * sequencer, which gives it its place in the feed after commit.
 */
final class EventInsert implements SqlInsert {

    static final String SQL = "with written as (insert into event (id, type, occurred_at, resource_type, resource_id,"
            + " patient_id, data) values (?, ?, ?, ?, ?, ?, event_data(?, cast(? as jsonb))) returning id, position)"
            + " insert into event_pending (position, event_id) select position, id from written";

    private final EventRow row;

    EventInsert(EventRow row) {
        this.row = row;
    }

    @Override
    public String sql() {
        return SQL;
    }

    @Override
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int i = first;
        statement.setObject(i++, row.id());
        statement.setString(i++, row.type().wireName());
        statement.setObject(i++, row.occurredAt().atOffset(ZoneOffset.UTC));
        statement.setString(i++, row.resourceType());
        statement.setObject(i++, row.resourceId());
        statement.setObject(i++, row.patientId());
        // event_data (V026) adds what a reminder needs to the events about a visit.
        statement.setString(i++, row.resourceType());
        statement.setString(i++, row.data());
        return i;
    }
}
