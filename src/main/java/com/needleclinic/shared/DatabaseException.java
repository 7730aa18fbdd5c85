package com.needleclinic.shared;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A JDBC failure from code that talks to the driver directly rather than through Hibernate. The
 * {@link SQLException} stays the cause: problem mapping reads its SQLSTATE and constraint name
 * as it does for Hibernate's own exceptions (a constraint's 409, an unreachable database's 503).
 */
public class DatabaseException extends RuntimeException {

    private final transient SQLException sql;

    public DatabaseException(SQLException cause) {
        super(cause.getClass().getSimpleName() + " " + cause.getSQLState(), cause);
        this.sql = cause;
    }

    public String sqlState() {
        return sql.getSQLState();
    }

    /** The constraint PostgreSQL named in refusing the statement, if it named one. */
    public Optional<String> constraint() {
        return sql instanceof PSQLException psql ? Optional.ofNullable(psql.getServerErrorMessage())
                .map(ServerErrorMessage::getConstraint) : Optional.empty();
    }
}
