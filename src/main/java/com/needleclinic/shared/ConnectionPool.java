package com.needleclinic.shared;

import java.sql.SQLException;

/** What the connection pool (Agroal) says when it has no connection to give. */
final class ConnectionPool {

    /** Agroal's words for a request that waited the whole acquisition timeout (it sets no SQLSTATE). */
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";

    private ConnectionPool() {
    }

    static boolean exhausted(Throwable t) {
        return t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                && sql.getMessage().contains(ACQUISITION_TIMEOUT);
    }
}
