package com.needleclinic.audit;

import com.needleclinic.shared.Caller;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
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

    /** The caller's successful {@code entry}, now. */
    private AuditEvent success(AuditEntry entry) {
        return new AuditEvent(clock.instant(), caller.subject(), caller.role(), entry, AuditEvent.Outcome.SUCCESS);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(Collection<AuditEntry> entries) {
        Instant now = clock.instant();
        String subject = caller.subject();
        String role = caller.role();
        entries.forEach(e -> events.persist(new AuditEvent(now, subject, role, e, AuditEvent.Outcome.SUCCESS)));
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

    @Transactional
    Page<AuditEvent> find(AuditQuery query, PageRequest page) {
        return page.toPage(events.find(query, page.fetchOneMore()), AuditEvent::id, e -> e);
    }

    /** Filters of {@code GET /audit-events}; dates are inclusive UTC days. */
    record AuditQuery(UUID patientId, Instant fromInclusive, Instant toExclusive) {
    }
}
