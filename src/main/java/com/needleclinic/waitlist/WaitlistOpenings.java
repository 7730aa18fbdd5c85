package com.needleclinic.waitlist;

import com.needleclinic.scheduling.FreedTime;
import com.needleclinic.shared.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Instant;
import java.util.UUID;

/**
 * Freed time becomes an opening in the freeing transaction - so it is offered exactly when that
 * change commits, and survives a crash right after - and wakes this instance's offer worker then.
 */
@ApplicationScoped
class WaitlistOpenings implements FreedTime {

    private final OpeningRepository openings;
    private final OfferWorker worker;
    private final TransactionSynchronizationRegistry transactions;

    WaitlistOpenings(OpeningRepository openings, OfferWorker worker, TransactionSynchronizationRegistry transactions) {
        this.openings = openings;
        this.worker = worker;
        this.transactions = transactions;
    }

    /**
     * A new entry is offered time already free in its window, like freed time: openings over the
     * part of its window still to come, worked once this transaction commits.
     */
    void entered(WaitlistEntry entry, Instant now) {
        Instant from = entry.earliest().isBefore(now) ? now : entry.earliest();
        if (from.isBefore(entry.latest())
                && openings.recordForNewEntry(entry.locationId(), entry.practitionerId(), from, entry.latest()) > 0) {
            AfterCommit.run(transactions, worker::wake);
        }
    }

    @Override
    public void freed(UUID practitionerId, UUID locationId, Instant from, Instant to) {
        if (openings.recordIfAwaited(practitionerId, locationId, from, to)) {
            AfterCommit.run(transactions, worker::wake);
        }
    }
}
