package com.needleclinic.shared;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of a native query's result row, whichever Java type the driver and Hibernate chose. */
public final class NativeRows {

    private NativeRows() {
    }

    /** A {@code timestamptz} column: an Instant, an OffsetDateTime or a Timestamp, depending on the path. */
    public static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
