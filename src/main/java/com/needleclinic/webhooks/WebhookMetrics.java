package com.needleclinic.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.util.List;
import java.util.UUID;

/**
 * Webhook delivery per subscription (docs/operations.md, "What to watch"): the backlog (events in
 * the feed the receiver has not acknowledged), refreshed from the database every
 * {@code clinic.metrics.refresh}, and the attempts this instance made, by outcome. Tagged by
 * subscription id only: never its URL, which can name a clinic's partner.
 */
@ApplicationScoped
class WebhookMetrics {

    private final EntityManager em;
    private final MeterRegistry metrics;
    private final MultiGauge backlog;

    WebhookMetrics(EntityManager em, MeterRegistry metrics) {
        this.em = em;
        this.metrics = metrics;
        this.backlog = MultiGauge.builder("clinic.webhook.backlog.events")
                .description("Events in the feed an active subscription's receiver has not acknowledged")
                .register(metrics);
    }

    /** One attempt to deliver one event: {@code acknowledged} or {@code failed}. */
    void attempted(UUID subscription, boolean acknowledged) {
        Counter.builder("clinic.webhook.deliveries").description("Delivery attempts, by subscription and outcome")
                .tags("subscription", subscription.toString(), "outcome", acknowledged ? "acknowledged" : "failed")
                .register(metrics).increment();
    }

    @Scheduled(every = "${clinic.metrics.refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @SuppressWarnings("unchecked")
    void refresh() {
        try {
            List<Tuple> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    select s.id, greatest(h.last_sequence - c.acknowledged_sequence, 0)
                      from webhook_subscription s join webhook_cursor c on c.subscription_id = s.id
                     cross join event_feed_head h
                     where s.status = 'ACTIVE'
                    """, Tuple.class).getResultList());
            backlog.register(rows.stream().map(r -> MultiGauge.Row.of(Tags.of("subscription", r.get(0).toString()),
                    ((Number) r.get(1)).doubleValue())).toList(), true);
        } catch (RuntimeException e) {
            Log.debugf("Webhook metrics not refreshed (%s)", e.getClass().getSimpleName());
        }
    }
}
