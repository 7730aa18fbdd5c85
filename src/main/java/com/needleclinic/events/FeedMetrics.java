package com.needleclinic.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.util.concurrent.atomic.AtomicReference;

/**
 * How far the feed is behind its writers (docs/operations.md, "What to watch"), read from the
 * database every {@code clinic.metrics.refresh} rather than at each scrape, so a slow database
 * never makes a scrape slow: the committed events not yet numbered, and how long the oldest of
 * them has waited. Every instance reports the same database-wide figures.
 */
@ApplicationScoped
class FeedMetrics {

    private record Backlog(double pending, double oldestSeconds) {
    }

    private final EntityManager em;
    private final AtomicReference<Backlog> backlog = new AtomicReference<>(new Backlog(Double.NaN, Double.NaN));

    FeedMetrics(EntityManager em, MeterRegistry metrics) {
        this.em = em;
        Gauge.builder("clinic.events.pending", backlog, b -> b.get().pending())
                .description("Committed events the sequencer has not numbered yet").register(metrics);
        Gauge.builder("clinic.event.sequencer.lag.seconds", backlog, b -> b.get().oldestSeconds())
                .description("How long the oldest event not yet numbered has waited (0 when none)").register(metrics);
    }

    @Scheduled(every = "${clinic.metrics.refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Tuple row = QuarkusTransaction.requiringNew().call(() -> (Tuple) em.createNativeQuery("""
                    select count(*), coalesce(extract(epoch from now() - min(e.occurred_at)), 0)
                      from event_pending p join event e on e.id = p.event_id
                    """, Tuple.class).getSingleResult());
            backlog.set(new Backlog(((Number) row.get(0)).doubleValue(), ((Number) row.get(1)).doubleValue()));
        } catch (RuntimeException e) {
            backlog.set(new Backlog(Double.NaN, Double.NaN));
            Log.debugf("Feed metrics not refreshed (%s)", e.getClass().getSimpleName());
        }
    }
}
