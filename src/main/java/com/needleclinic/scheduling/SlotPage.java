package com.needleclinic.scheduling;

import com.needleclinic.shared.InvalidRequestException;
import com.needleclinic.shared.QueryParams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A page of availability (docs/rules.md, "Availability is bounded"): at most {@code limit} slots
 * (default 50, at most 500) after the slot a cursor names, in the order start then practitioner.
 * Slots are computed, not stored, so the cursor is the last slot's (start, practitioner) rather
 * than an id.
 */
record SlotPage(int limit, Instant afterStart, UUID afterPractitioner) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final String PREFIX = "s1:";

    static SlotPage of(String limit, String cursor) {
        int size = (int) QueryParams.number("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
        if (cursor == null || cursor.isBlank()) {
            return new SlotPage(size, null, null);
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                String[] parts = decoded.substring(PREFIX.length()).split("/", 2);
                return new SlotPage(size, Instant.ofEpochSecond(Long.parseLong(parts[0])), UUID.fromString(parts[1]));
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | java.time.DateTimeException e) {
            // reported below
        }
        throw new InvalidRequestException("cursor", "is not a cursor this service issued");
    }

    /** Whether {@code slot} comes after the cursor. */
    boolean admits(AvailabilityFinder.Slot slot) {
        if (afterStart == null) {
            return true;
        }
        int byStart = slot.start().compareTo(afterStart);
        return byStart > 0 || (byStart == 0 && slot.practitionerId().compareTo(afterPractitioner) > 0);
    }

    static String cursorAfter(AvailabilityFinder.Slot slot) {
        String raw = PREFIX + slot.start().getEpochSecond() + "/" + slot.practitionerId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
