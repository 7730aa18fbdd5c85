package com.needleclinic.audit;

import com.needleclinic.shared.SqlInsert;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;

/**
 * A success event of the audit trail as a parameterised INSERT, for a hot write that sends its
 * own statement and its audit row in one round trip (booking: {@code AppointmentRepository}).
 * The audit feature still decides what the row holds; the caller only appends {@link #sql()} to
 * its statement and binds the parameters. The caller sends both as one atomic unit (one message,
 * or its transaction), so the row exists exactly when the change does.
 */
public final class AuditInsert implements SqlInsert {

    private static final String SQL = "insert into audit_event"
            + " (id, at, actor, role, action, resource_type, resource_id, patient_id, outcome)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AuditEvent event;

    AuditInsert(AuditEvent event) {
        this.event = event;
    }

    @Override
    public String sql() {
        return SQL;
    }

    /** Binds the nine parameters from {@code first} on; answers the next free index. */
    @Override
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int i = first;
        statement.setObject(i++, event.id());
        statement.setObject(i++, event.at().atOffset(ZoneOffset.UTC));
        statement.setString(i++, event.actor());
        statement.setString(i++, event.role());
        statement.setString(i++, event.action());
        statement.setString(i++, event.resourceType());
        statement.setObject(i++, event.resourceId());
        statement.setObject(i++, event.patientId());
        statement.setString(i++, event.outcome().name());
        return i;
    }
}
