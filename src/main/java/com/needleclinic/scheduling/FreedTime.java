package com.needleclinic.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * Told, inside the transaction that frees it, that a practitioner's time at a location has become
 * free: a cancellation, a visit moved away, a released waitlist offer, a new schedule, time off
 * removed. The waitlist listens (docs/rules.md, "Waitlist and offers"); the window may be wider than
 * what is actually free, and whoever listens judges what fits.
 */
public interface FreedTime {

    void freed(UUID practitionerId, UUID locationId, Instant from, Instant to);
}
