package com.needleclinic.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A row another feature owns, as a parameterised INSERT, for a hot write that sends its own
 * statement and its companions (its audit row, its event) in one round trip. The owning feature
 * decides what the row holds; the writer appends {@link #sql()} to its statement and binds the
 * parameters, and sends all of it as one atomic unit (one message, or its transaction), so the
 * companion exists exactly when the change does.
 */
public interface SqlInsert {

    String sql();

    /** Binds this insert's parameters from {@code first} on; answers the next free index. */
    int bind(PreparedStatement statement, int first) throws SQLException;
}
