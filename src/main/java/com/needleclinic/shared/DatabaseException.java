package com.needleclinic.shared;

import java.sql.SQLException;

/**
 * A JDBC failure from code that talks to the driver directly rather than through Hibernate. The
 * {@link SQLException} stays the cause: problem mapping reads its SQLSTATE and constraint name
 * as it does for Hibernate's own exceptions (a constraint's 409, an unreachable database's 503).
 */
public class DatabaseException extends RuntimeException {

    public DatabaseException(SQLException cause) {
        super(cause.getClass().getSimpleName() + " " + cause.getSQLState(), cause);
    }
}
