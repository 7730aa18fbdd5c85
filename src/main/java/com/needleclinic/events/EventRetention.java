package com.needleclinic.events;

import com.needleclinic.shared.Retention;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;

/**
 * Purges events older than {@code clinic.retention.events} (docs/operations.md, "Retention") from
 * the front of the feed, in batches, never past what an active webhook subscription has yet to
 * acknowledge. The purged prefix is recorded ({@code event_retention.purged_through}) so that a
 * reader asking for events after an earlier sequence is answered 410 rather than a silent gap.
 * One instance purges at a time (an advisory lock); the others skip their turn.
 */
@ApplicationScoped
class EventRetention {

    static final int BATCH = 5_000;
    private static final long LOCK = 0x636c696e6963L; // "clinic": the retention purge's advisory lock

    private final EntityManager em;
    private final Instance<RetentionHold> holds;
    private final Clock clock;
    private final Duration window;

    EventRetention(EntityManager em, Instance<RetentionHold> holds, Clock clock,
                   @ConfigProperty(name = Retention.EVENTS, defaultValue = "90d") Duration window) {
        this.em = em;
        this.holds = holds;
        this.clock = clock;
        this.window = window;
    }

    @Scheduled(every = "${clinic.retention.purge-every:1h}", delayed = "${clinic.retention.purge-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge(clock.instant().minus(window));
    }

    /** Purges, batch by batch, the events that occurred before {@code cutoff}; how many it removed. */
    long purge(Instant cutoff) {
        long removed = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> purgeBatch(cutoff));
            removed += Math.max(batch, 0);
        } while (batch == BATCH);
        if (removed > 0) {
            Log.infof("Purged %d events older than %s (through sequence %d)", removed, window, purgedThrough());
        }
        return removed;
    }

    /** The last purged sequence: the feed starts after it. */
    long purgedThrough() {
        return number("select purged_through from event_retention");
    }

    /** One batch from the front of the feed; -1 if another instance holds the turn. */
    private int purgeBatch(Instant cutoff) {
        Boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(mine)) {
            return -1;
        }
        long from = number("select purged_through from event_retention for update");
        long upTo = bound(number("select last_sequence from event_feed_head"));
        if (upTo <= from) {
            return 0;
        }
        Prefix old = oldPrefix(from, upTo, cutoff);
        if (old.count() > 0) {
            delete(from, old.through());
        }
        return old.count();
    }

    /** {@code head}, lowered to what every reader that holds the feed has consumed. */
    private long bound(long head) {
        long upTo = head;
        for (RetentionHold hold : holds) {
            OptionalLong needed = hold.consumedThrough();
            if (needed.isPresent()) {
                upTo = Math.min(upTo, needed.getAsLong());
            }
        }
        return upTo;
    }

    /** The leading run of events after {@code from} (at most a batch) that occurred before {@code cutoff}. */
    private record Prefix(long through, int count) {
    }

    private Prefix oldPrefix(long from, long upTo, Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<Tuple> front = em.createNativeQuery("""
                select f.sequence, e.occurred_at < :cutoff
                  from event_feed f join event e on e.id = f.event_id
                 where f.sequence > :from and f.sequence <= :upTo
                 order by f.sequence limit :batch
                """, Tuple.class)
                .setParameter("cutoff", cutoff.atOffset(ZoneOffset.UTC)).setParameter("from", from)
                .setParameter("upTo", upTo).setParameter("batch", BATCH).getResultList();
        long through = from;
        int count = 0;
        for (Tuple event : front) {
            if (!Boolean.TRUE.equals(event.get(1))) {
                break;
            }
            through = ((Number) event.get(0)).longValue();
            count++;
        }
        return new Prefix(through, count);
    }

    /** Deletes the events in (from, through] and moves the purged mark; the trigger lets only this through. */
    private void delete(long from, long through) {
        em.createNativeQuery("select set_config('clinic.retention_purge', 'on', true)").getSingleResult();
        em.createNativeQuery("""
                delete from event e using event_feed f
                 where f.event_id = e.id and f.sequence > :from and f.sequence <= :through
                """).setParameter("from", from).setParameter("through", through).executeUpdate();
        em.createNativeQuery("delete from event_feed where sequence > :from and sequence <= :through")
                .setParameter("from", from).setParameter("through", through).executeUpdate();
        em.createNativeQuery("update event_retention set purged_through = :through, purged_at = now()")
                .setParameter("through", through).executeUpdate();
    }

    private long number(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
