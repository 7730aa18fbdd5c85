package com.needleclinic.audit;

import com.needleclinic.shared.Caller;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Writes and reads the audit trail. {@link #record} joins the caller's transaction, so an event
 * exists exactly when the change it records does. {@link #recordDenied} commits on its own,
 * because the refused request's transaction rolls back.
 */
@ApplicationScoped
public class AuditLog {

    private final AuditEventRepository events;
    private final Caller caller;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Caller caller, Clock clock) {
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditEntry entry) {
        events.persist(success(entry));
    }

    /**
     * The same event as {@link #record}, handed back for the caller to write in the same message as
     * its change (one round trip for a hot write and its audit row). The caller must send both in
     * one atomic unit, so the row exists exactly when the change does.
     */
    public AuditInsert recordWith(AuditEntry entry) {
        return new AuditInsert(success(entry));
    }

    /**
     * For the service's own work outside any request (the waitlist's offers): {@link #recordWith}
     * with the actor named rather than read from a token.
     */
    public AuditInsert recordWithAs(AuditEntry entry, Actor actor) {
        return new AuditInsert(new AuditEvent(clock.instant(), actor.subject(), actor.role(), entry, AuditEvent.Outcome.SUCCESS));
    }

    /** {@link #record} by a named actor (the service's own work outside any request). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(AuditEntry entry, Actor actor) {
        events.persist(new AuditEvent(clock.instant(), actor.subject(), actor.role(), entry, AuditEvent.Outcome.SUCCESS));
    }

    /** The caller's successful {@code entry}, now. */
    private AuditEvent success(AuditEntry entry) {
        return new AuditEvent(clock.instant(), caller.subject(), caller.role(), entry, AuditEvent.Outcome.SUCCESS);
    }

    /**
     * A search: one event per result shown, or, when nothing was found, one event for the search
     * itself (naming the patient it was about, if any), so that looking is audited even when it
     * finds nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSearch(String resourceType, UUID patientFilter, Collection<AuditEntry> found) {
        recordAll(found.isEmpty() ? List.of(AuditEntry.of(AuditEntry.Action.SEARCH, resourceType, null, patientFilter))
                : found);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(Collection<AuditEntry> entries) {
        Instant now = clock.instant();
        String subject = caller.subject();
        String role = caller.role();
        entries.forEach(e -> events.persist(new AuditEvent(now, subject, role, e, AuditEvent.Outcome.SUCCESS)));
    }

    /**
     * For work that outlives the request (a streamed export): the entries of one batch, by the
     * caller captured when the request started, committed before the data they describe is sent.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAllAs(Collection<AuditEntry> entries, String actor, String role) {
        Instant now = clock.instant();
        entries.forEach(e -> events.persist(new AuditEvent(now, actor, role, e, AuditEvent.Outcome.SUCCESS)));
    }

    /** Who is calling, for {@link #recordAllAs} from another thread. */
    public Actor actor() {
        return new Actor(caller.subject(), caller.role());
    }

    public record Actor(String subject, String role) {
        /** The waitlist's offer worker: places, expires and re-offers holds on no one's request. */
        public static final Actor WAITLIST = new Actor("system:waitlist", "SYSTEM");
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordDenied(AuditEntry entry) {
        recordDenied(entry, caller.subject(), caller.role());
    }

    /** For refusals observed outside the request's thread, where the caller is passed along. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordDenied(AuditEntry entry, String actor, String role) {
        events.persist(new AuditEvent(clock.instant(), actor, role, entry, AuditEvent.Outcome.DENIED));
    }

    /** Reading the audit log is itself audited: who looked at whose history. */
    @Transactional
    Page<AuditEvent> find(AuditQuery query, PageRequest page) {
        Page<AuditEvent> result = page.toPage(events.find(query, page.fetchOneMore()), AuditEvent::id, e -> e);
        record(AuditEntry.of(AuditEntry.Action.SEARCH, "AUDIT_EVENT", null, query.patientId()));
        return result;
    }

    /** Filters of {@code GET /audit-events}; dates are inclusive UTC days. */
    record AuditQuery(UUID patientId, Instant fromInclusive, Instant toExclusive) {
    }
}
