package com.needleclinic.webhooks;

import com.needleclinic.events.RetentionHold;
import com.needleclinic.shared.Retention;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;

/**
 * Webhook retention (docs/operations.md, "Retention"): delivery attempts older than
 * {@code clinic.retention.webhook-deliveries} are purged, in batches; and the event purge never
 * removes an event an active subscription has yet to acknowledge (a disabled one, e.g. after a
 * day of failures, holds nothing: re-enabled after the window, it resumes at the oldest event kept).
 */
@ApplicationScoped
class DeliveryRetention implements RetentionHold {

    static final int BATCH = 10_000;

    private final EntityManager em;
    private final Clock clock;
    private final Duration window;

    DeliveryRetention(EntityManager em, Clock clock,
                      @ConfigProperty(name = Retention.WEBHOOK_DELIVERIES, defaultValue = "30d") Duration window) {
        this.em = em;
        this.clock = clock;
        this.window = window;
    }

    @Override
    public OptionalLong consumedThrough() {
        Number least = (Number) em.createNativeQuery("""
                select min(c.acknowledged_sequence) from webhook_cursor c
                  join webhook_subscription s on s.id = c.subscription_id where s.status = 'ACTIVE'
                """).getSingleResult();
        return least == null ? OptionalLong.empty() : OptionalLong.of(least.longValue());
    }

    @Scheduled(every = "${clinic.retention.purge-every:1h}", delayed = "${clinic.retention.purge-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge(clock.instant().minus(window));
    }

    /** Purges the delivery attempts made before {@code before}; how many it removed. */
    long purge(Instant before) {
        var cutoff = before.atOffset(ZoneOffset.UTC);
        long removed = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    delete from webhook_delivery where id in
                      (select id from webhook_delivery where attempted_at < :cutoff limit :batch)
                    """).setParameter("cutoff", cutoff).setParameter("batch", BATCH).executeUpdate());
            removed += batch;
        } while (batch == BATCH);
        if (removed > 0) {
            Log.infof("Purged %d webhook delivery attempts older than %s", removed, window);
        }
        return removed;
    }
}
