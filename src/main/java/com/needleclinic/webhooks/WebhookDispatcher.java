package com.needleclinic.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.needleclinic.audit.AuditEntry;
import com.needleclinic.audit.AuditLog;
import com.needleclinic.events.EventFeed;
import com.needleclinic.events.EventPage;
import com.needleclinic.events.EventView;
import com.needleclinic.events.FeedSignal;
import com.needleclinic.shared.Daemons;
import com.needleclinic.webhooks.DeliveryStateRepository.Due;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Delivers events to subscriptions (docs/events.md). Every instance runs a few workers; a worker
 * claims one due subscription by locking its progress row ({@code FOR UPDATE SKIP LOCKED}), so no
 * two workers anywhere send to one subscription at once, and sends its next events one at a time,
 * in sequence order, each only after the previous one was acknowledged. The acknowledgment, the
 * delivery log and any retry schedule commit together; a crash or a database outage mid-batch
 * leaves the progress where the last commit put it, and the unacknowledged events are sent again
 * with the same {@code webhook-id}. Workers never run on a request's thread.
 */
@ApplicationScoped
class WebhookDispatcher {

    static final int BATCH = 50;
    /** A claim is let go after this much sending, so one busy subscription does not hold a connection long. */
    private static final Duration CLAIM_BUDGET = Duration.ofSeconds(2);
    /** Retries come due without a signal; idle workers look this often. */
    private static final long IDLE_POLL_MILLIS = 1_000;

    private final DeliveryStateRepository state;
    private final EventFeed feed;
    private final FeedSignal signal;
    private final WebhookTargets targets;
    private final WebhookSender sender;
    private final AuditLog auditLog;
    private final ObjectMapper json;
    private final Clock clock;
    private final WebhookConfig config;
    private final Daemons daemons = new Daemons(Duration.ofSeconds(15));
    private final WebhookMetrics metrics;
    private volatile boolean failing;
    /**
     * The retries this instance scheduled and has not yet passed: idle workers wake for the soonest
     * rather than at the next poll. A set, not one slot: a retry scheduled while an earlier one was
     * pending must not be forgotten when the earlier one passes.
     */
    private final ConcurrentSkipListSet<Instant> pendingRetries = new ConcurrentSkipListSet<>();

    WebhookDispatcher(DeliveryStateRepository state, EventFeed feed, FeedSignal signal, WebhookTargets targets,
                      WebhookSender sender, AuditLog auditLog, ObjectMapper json, Clock clock, WebhookConfig config,
                      WebhookMetrics metrics) {
        this.metrics = metrics;
        this.state = state;
        this.feed = feed;
        this.signal = signal;
        this.targets = targets;
        this.sender = sender;
        this.auditLog = auditLog;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        for (int i = 0; i < config.workers(); i++) {
            daemons.start("webhook-delivery-" + i, this::run);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        daemons.stop();
    }

    private void run() {
        while (daemons.running()) {
            try {
                long seen = signal.generation();
                boolean worked = QuarkusTransaction.requiringNew().timeout(60).call(this::deliverDue);
                if (failing) {
                    failing = false;
                    Log.info("Webhook delivery: database reachable again");
                }
                if (!worked) {
                    signal.awaitChange(seen, idleWait());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!daemons.running()) {
                    return;
                }
                if (!failing) {
                    failing = true;
                    Log.warnf("Webhook delivery: %s; retrying every second", e.getClass().getSimpleName());
                }
                Daemons.pause(Duration.ofSeconds(1));
            }
        }
    }

    /**
     * One claim: sends what is due to one subscription, then records the attempts and the new
     * progress together; false when nothing was due anywhere.
     */
    private boolean deliverDue() {
        Due due = state.claimDue(clock.instant());
        if (due == null) {
            return false;
        }
        EventPage page = feed.page(due.acknowledged(), new LinkedHashSet<>(due.types()), BATCH);
        if (page.items().isEmpty()) {
            state.acknowledge(due.subscriptionId(), page.lastSequence(), clock.instant());
            return true;
        }
        disclosed(due, page.items());
        Batch batch = send(due, page);
        state.logAttempts(due.subscriptionId(), batch.attempts());
        if (batch.failure() != null) {
            failed(due, batch.acknowledged(), batch.failure());
        } else {
            state.acknowledge(due.subscriptionId(), batch.acknowledged(), clock.instant());
        }
        return true;
    }

    /** What a claim sent: its attempts, how far the receiver acknowledged, and the failure that stopped it, if any. */
    record Batch(List<DeliveryStateRepository.Attempt> attempts, long acknowledged, WebhookSender.Outcome failure) {
    }

    /**
     * Sends the page's events one at a time, each only after the previous one was acknowledged,
     * until one fails or the claim's time is spent. The target is checked (and resolved) once per
     * claim, and every event of the claim goes to the address checked.
     */
    private Batch send(Due due, EventPage page) {
        List<DeliveryStateRepository.Attempt> attempts = new ArrayList<>();
        long acknowledged = due.acknowledged();
        WebhookTargets.Target target;
        try {
            target = targets.check(due.url());
        } catch (WebhookTargets.RefusedTarget refused) {
            WebhookSender.Outcome outcome = new WebhookSender.Outcome(null, "target refused: " + refused.getMessage(), 0);
            attempts.add(new DeliveryStateRepository.Attempt(page.items().get(0), clock.instant(), outcome));
            metrics.attempted(due.subscriptionId(), false);
            return new Batch(attempts, acknowledged, outcome);
        }
        long budgetEnds = System.nanoTime() + CLAIM_BUDGET.toNanos();
        for (EventView event : page.items()) {
            Instant at = clock.instant();
            long timestamp = at.getEpochSecond();
            String body = body(event, at);
            WebhookSender.Outcome outcome = sender.send(target, event.id().toString(), timestamp,
                    WebhookSignature.header(due.secretsAt(at), event.id().toString(), timestamp, body), body);
            attempts.add(new DeliveryStateRepository.Attempt(event, at, outcome));
            metrics.attempted(due.subscriptionId(), outcome.acknowledged());
            if (!outcome.acknowledged()) {
                return new Batch(attempts, acknowledged, outcome);
            }
            acknowledged = event.sequence();
            if (System.nanoTime() > budgetEnds || !daemons.running()) {
                return new Batch(attempts, acknowledged, null);
            }
        }
        return new Batch(attempts, page.lastSequence(), null);
    }

    /**
     * What leaves the service about a patient is audited before it is sent, like an export: the
     * batch about to be sent, committed on its own first (an event audited and then not sent, because
     * the receiver failed, is sent and audited again later).
     */
    private void disclosed(Due due, List<EventView> events) {
        List<AuditEntry> entries = events.stream().filter(e -> e.patientId() != null)
                .map(e -> AuditEntry.of(AuditEntry.Action.EXPORT, "EVENT", e.id(), e.patientId())).toList();
        if (!entries.isEmpty()) {
            auditLog.recordAllAs(entries, "webhook:" + due.subscriptionId(), "WEBHOOK");
        }
    }

    /**
     * The attempt failed: retried after a delay that doubles with each failure of the run; a
     * {@code 410 Gone} disables the subscription at once, and so does a run of failures as long as
     * {@code giveUpAfter}. Events acknowledged earlier in this claim end the previous run.
     */
    private void failed(Due due, long acknowledged, WebhookSender.Outcome outcome) {
        Instant now = clock.instant();
        boolean progressed = acknowledged > due.acknowledged();
        Instant failingSince = progressed || due.failingSince() == null ? now : due.failingSince();
        int attempts = progressed ? 1 : due.attempts() + 1;
        Instant next = now.plus(delay(attempts));
        state.failed(due.subscriptionId(), acknowledged, attempts, failingSince, next);
        retryAt(next);
        if (Integer.valueOf(410).equals(outcome.statusCode())) {
            state.disable(due.subscriptionId(), WebhookSubscription.DisabledReason.GONE);
            Log.infof("Webhook subscription %s disabled: the receiver answered 410 Gone", due.subscriptionId());
        } else if (!failingSince.plus(config.giveUpAfter()).isAfter(now)) {
            state.disable(due.subscriptionId(), WebhookSubscription.DisabledReason.FAILING);
            Log.infof("Webhook subscription %s disabled after failing since %s", due.subscriptionId(), failingSince);
        }
    }

    private long idleWait() {
        Instant now = clock.instant();
        java.util.NavigableSet<Instant> passed = pendingRetries.headSet(now, true);
        if (!passed.isEmpty()) {
            passed.clear();
            return 1; // a retry just came due: look again at once
        }
        Instant retry = pendingRetries.higher(now); // null when none; never throws when another worker clears the set
        if (retry == null) {
            return IDLE_POLL_MILLIS;
        }
        return Math.max(1, Math.min(IDLE_POLL_MILLIS, Duration.between(now, retry).toMillis()));
    }

    private void retryAt(Instant at) {
        pendingRetries.add(at);
    }

    /** base × 2^(attempts - 1), at most retryMax. */
    Duration delay(int attempts) {
        Duration delay = config.retryBase();
        for (int i = 1; i < attempts && delay.compareTo(config.retryMax()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(config.retryMax()) > 0 ? config.retryMax() : delay;
    }

    /** Standard Webhooks' payload: {@code {type, timestamp, data}}, {@code data} being the event as the feed shows it. */
    private String body(EventView event, Instant at) {
        try {
            return json.writeValueAsString(new Payload(event.type(), at, event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event always serialises", e);
        }
    }

    record Payload(String type, Instant timestamp, EventView data) {
    }
}
