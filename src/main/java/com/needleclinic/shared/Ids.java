package com.needleclinic.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): random enough not to be guessed or counted, ordered
 * by creation so that keyset pages come out oldest first and B-tree inserts stay local.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static long sequence;

    private Ids() {
    }

    /** Monotonic within this JVM: ids made in the same millisecond count up in the 12-bit field. */
    public static synchronized UUID newId() {
        long millis = System.currentTimeMillis();
        if (millis > lastMillis) {
            lastMillis = millis;
            sequence = RANDOM.nextInt(1 << 11);
        } else if (++sequence >= (1 << 12)) {
            lastMillis++;
            sequence = 0;
        }
        long msb = (lastMillis << 16) | (0x7L << 12) | sequence;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** The id a {@code Location} header ends with ({@code /api/v1/appointments/{id}}), or null. */
    public static UUID fromLocation(String location) {
        if (location == null) {
            return null;
        }
        try {
            return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
