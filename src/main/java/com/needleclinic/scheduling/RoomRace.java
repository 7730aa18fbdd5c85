package com.needleclinic.scheduling;

import com.needleclinic.shared.DatabaseException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.UUID;

/**
 * When a booking may try again after losing its room to a concurrent booking - refused by the room's
 * exclusion constraint, or chosen as the victim when two such inserts waited on each other
 * (PostgreSQL's deadlock detector) - or after the room it took proved unusable (the suitability
 * trigger: deactivated, or a capability removed, since the service chose it): the room was the
 * service's choice (not the caller's), the booking ran in a transaction of its own (an enclosing
 * one is spoiled by the failed statement), and it has not tried {@link #ATTEMPTS} times yet.
 */
final class RoomRace {

    static final int ATTEMPTS = 5;
    static final String CONSTRAINT = "appointment_room_no_overlap";
    static final String SUITABLE = "appointment_room_suitable";

    private RoomRace() {
    }

    static boolean retryable(DatabaseException e, UUID roomAskedFor, int attempt,
                             TransactionSynchronizationRegistry transactions) {
        if (roomAskedFor != null || attempt >= ATTEMPTS
                || transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return false;
        }
        return "40P01".equals(e.sqlState())
                || "23P01".equals(e.sqlState()) && e.constraint().filter(CONSTRAINT::equals).isPresent()
                || "23514".equals(e.sqlState()) && e.constraint().filter(SUITABLE::equals).isPresent();
    }
}
