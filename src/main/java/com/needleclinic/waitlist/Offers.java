package com.needleclinic.waitlist;

import com.needleclinic.audit.AuditEntry;
import com.needleclinic.audit.AuditLog;
import com.needleclinic.events.EventLog;
import com.needleclinic.events.EventType;
import com.needleclinic.location.Location;
import com.needleclinic.location.LocationService;
import com.needleclinic.scheduling.HoldService;
import com.needleclinic.waitlist.OpeningRepository.Opening;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static jakarta.transaction.Transactional.TxType.REQUIRES_NEW;

/**
 * The offer worker's units of work, each its own transaction (docs/rules.md, "Waitlist and
 * offers"): offer one opening's freed time to the best waiting entries, or expire one hold. Safe in
 * every instance at once: openings and entries are taken {@code FOR UPDATE SKIP LOCKED}, and the
 * appointment exclusion constraints refuse a second hold on a slot, whoever places it.
 */
@ApplicationScoped
class Offers {

    /** Entries looked at per opening: the best this many waiting for the freed time. */
    static final int CANDIDATES = 20;
    static final int EXPIRED_PER_ROUND = 50;

    private final OpeningRepository openings;
    private final WaitlistRepository entries;
    private final WaitlistOfferRepository offers;
    private final HoldService holds;
    private final AuditLog auditLog;
    private final EventLog events;
    private final WaitlistConfig config;
    private final Clock clock;
    private final LocationService locations;

    Offers(OpeningRepository openings, WaitlistRepository entries, WaitlistOfferRepository offers, HoldService holds,
           AuditLog auditLog, EventLog events, WaitlistConfig config, Clock clock, LocationService locations) {
        this.locations = locations;
        this.openings = openings;
        this.entries = entries;
        this.offers = offers;
        this.holds = holds;
        this.auditLog = auditLog;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Takes the oldest opening and offers its time to the waiting entries, best first, each the
     * earliest slot that fits them and that they have not let go before; then the opening is done -
     * unless an entry was busy in another transaction (an answer, another instance's offer), when the
     * rest of it waits for a round a moment later, which sees how that ended: an entry never gets a
     * slot because a better one was busy.
     *
     * <p>The pass reads one snapshot (REPEATABLE READ): under READ COMMITTED each entry's search
     * saw the calendar of its own moment, so a better entry tried while a time off was still there
     * found nothing, and a worse one tried after its withdrawal committed got the slot - which the
     * other instance, working that withdrawal, had deferred for the better entry (TwoInstancesIT).
     * With one snapshot every entry of a pass sees the same calendar. An entry changed since the
     * snapshot cannot be locked ({@code 40001}): the opening is then deferred like a busy one.
     */
    public Worked offerNextOpening() {
        try {
            return QuarkusTransaction.requiringNew().call(this::offerInOneSnapshot);
        } catch (RuntimeException e) {
            if (serializationFailure(e)) {
                return Worked.DEFERRED;
            }
            throw e;
        }
    }

    static boolean serializationFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private Worked offerInOneSnapshot() {
        openings.readOneSnapshot();
        Instant now = clock.instant();
        Optional<Opening> taken = openings.takeOne(now);
        if (taken.isEmpty()) {
            return Worked.NOTHING;
        }
        Opening opening = taken.get();
        // Open now (takeOne saw to it); the hold counts its minutes inside the hours only.
        Location location = locations.require(opening.locationId());
        Instant expiresAt = location.offerHours().expiry(now, config.hold(), location.zone());
        int made = 0;
        boolean contended = false;
        for (UUID id : entries.waitingFor(opening.locationId(), opening.practitionerId(), opening.from(), opening.to(),
                CANDIDATES)) {
            Optional<WaitlistEntry> locked = entries.lockUnlessBusy(id);
            if (locked.isEmpty()) {
                // A better entry is being decided elsewhere (another instance offering it this very
                // time, or the desk answering for it): offering to a worse one now could take the slot
                // it is about to get. Look again in a moment.
                contended = true;
                break;
            }
            WaitlistEntry entry = locked.get();
            if (entry.status() != WaitlistEntry.Status.WAITING) {
                continue;
            }
            Instant from = later(opening.from(), entry.earliest());
            Instant to = earlier(opening.to(), entry.latest());
            if (!from.isBefore(to)) {
                continue;
            }
            List<WaitlistOffer> before = offers.ofEntry(entry.id());
            Optional<HoldService.Hold> hold = holds.place(entry.patientId(), entry.serviceId(), entry.locationId(),
                    opening.practitionerId(), from, to, expiresAt,
                    (practitioner, start, end) -> before.stream().anyMatch(o -> o.covers(practitioner, start, end)));
            if (hold.isPresent()) {
                offered(entry, hold.get());
                made++;
            }
        }
        if (!contended) {
            openings.delete(opening.id());
        }
        if (made > 0) {
            Log.infof("Waitlist: %d offer(s) for time freed for practitioner %s", made, opening.practitionerId());
        }
        return contended ? Worked.DEFERRED : Worked.DONE;
    }

    /** What a call to {@link #offerNextOpening} did: no opening to take, one worked off, or one left for a moment later. */
    enum Worked { NOTHING, DONE, DEFERRED }

    private void offered(WaitlistEntry entry, HoldService.Hold hold) {
        offers.persist(new WaitlistOffer(hold.appointmentId(), entry.id(), hold.practitionerId(),
                hold.start().toInstant(), hold.end().toInstant(), clock.instant()));
        entry.offered(hold.appointmentId());
        entries.flush();
        auditLog.recordAs(AuditEntry.of(AuditEntry.Action.UPDATE, WaitlistService.RESOURCE, entry.id(), entry.patientId()),
                AuditLog.Actor.WAITLIST);
        events.emit(WaitlistEvents.of(EventType.WAITLIST_OFFER_MADE, entry, hold, WaitlistOffer.Outcome.OPEN));
    }

    /** Holds whose time is up, oldest first. */
    @Transactional(REQUIRES_NEW)
    public List<UUID> expiredHolds() {
        return holds.expired(EXPIRED_PER_ROUND);
    }

    /**
     * Ends one expired offer: the hold is released (its time becomes an opening for the next
     * entry) and the entry waits on. Skipped if its entry is busy (the patient answering right now,
     * or another instance expiring it) or the offer already ended.
     */
    @Transactional(REQUIRES_NEW)
    public boolean expire(UUID appointmentId) {
        Optional<WaitlistOffer> offer = offers.findByIdOptional(appointmentId);
        if (offer.isEmpty()) {
            return false;
        }
        Optional<WaitlistEntry> entry = entries.lockUnlessBusy(offer.get().entryId());
        if (entry.isEmpty()) {
            return false;
        }
        offers.getEntityManager().refresh(offer.get());
        if (offer.get().outcome() != WaitlistOffer.Outcome.OPEN) {
            return false;
        }
        HoldService.Hold held = holds.view(appointmentId);
        if (!holds.expire(appointmentId)) {
            return false;
        }
        offer.get().ended(WaitlistOffer.Outcome.EXPIRED, clock.instant());
        entry.get().offerEnded();
        entries.flush();
        auditLog.recordAs(AuditEntry.of(AuditEntry.Action.UPDATE, WaitlistService.RESOURCE, entry.get().id(),
                entry.get().patientId()), AuditLog.Actor.WAITLIST);
        events.emit(WaitlistEvents.of(EventType.WAITLIST_OFFER_EXPIRED, entry.get(), held, WaitlistOffer.Outcome.EXPIRED));
        Log.infof("Waitlist offer %s expired (entry %s)", appointmentId, entry.get().id());
        return true;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
