package com.needleclinic.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.needleclinic.events.EventFeed;
import com.needleclinic.events.EventType;
import com.needleclinic.shared.Caller;
import com.needleclinic.shared.ConflictException;
import com.needleclinic.shared.DomainException;
import com.needleclinic.shared.Idempotency;
import com.needleclinic.shared.Created;
import com.needleclinic.shared.IfMatch;
import com.needleclinic.shared.InvalidRequestException;
import com.needleclinic.shared.MergePatch;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.ResourceNotFoundException;
import com.needleclinic.shared.Roles;
import com.needleclinic.shared.Versioned;
import com.needleclinic.webhooks.WebhookDtos.DeliveryView;
import com.needleclinic.webhooks.WebhookDtos.Progress;
import com.needleclinic.webhooks.WebhookDtos.SubscriptionRequest;
import com.needleclinic.webhooks.WebhookDtos.SubscriptionView;
import com.needleclinic.webhooks.WebhookDtos.SubscriptionWithSecret;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook subscriptions (docs/events.md): an admin manages every one, an integration only those it
 * created (another's answers 404). Delivery itself is {@link WebhookDispatcher}'s.
 */
@ApplicationScoped
public class WebhookService {

    private final WebhookSubscriptionRepository subscriptions;
    private final DeliveryStateRepository state;
    private final WebhookTargets targets;
    private final EventFeed feed;
    private final MergePatch mergePatch;
    private final Clock clock;
    private final Caller caller;
    private final SecretBox box;

    WebhookService(WebhookSubscriptionRepository subscriptions, DeliveryStateRepository state, WebhookTargets targets,
                   EventFeed feed, MergePatch mergePatch, Clock clock, Caller caller, SecretBox box) {
        this.subscriptions = subscriptions;
        this.state = state;
        this.targets = targets;
        this.feed = feed;
        this.mergePatch = mergePatch;
        this.clock = clock;
        this.caller = caller;
        this.box = box;
    }

    /** A new subscription receives the events that follow it; {@code replay} sends earlier ones. */
    @Transactional
    public Created<SubscriptionWithSecret> create(SubscriptionRequest request) {
        checkTarget(request.url());
        Instant now = clock.instant();
        String secret = WebhookSignature.newSecret();
        WebhookSubscription subscription = new WebhookSubscription(caller.subject(), request.url(),
                types(request.types()), request.description(), id -> box.seal(id, secret), now);
        if (request.status() == WebhookSubscription.Status.DISABLED) {
            subscription.changeStatus(WebhookSubscription.Status.DISABLED);
        }
        subscriptions.persistAndFlush(subscription);
        state.start(subscription.id(), feed.head(), now);
        Log.infof("Webhook subscription %s created", subscription.id());
        return new Created<>("/api/v1/webhook-subscriptions/" + subscription.id(), subscription.version(),
                SubscriptionWithSecret.of(subscription, progress(subscription.id()), secret));
    }

    /**
     * The secret is shown once (docs/events.md, "Subscribing"): an idempotent replay of a create
     * never stores or repeats it. The replay is answered {@code 409 secret-shown-once} naming the
     * subscription it made (rotate the secret for a new one), or {@code 410 subscription-deleted}.
     */
    public Idempotency.Guard secretShownOnce() {
        return new Idempotency.Guard() {
            @Override
            public Object stored(Object body) {
                return body instanceof SubscriptionWithSecret created ? created.withoutSecret() : body;
            }

            @Override
            public void replayed(String location) {
                UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
                if (subscriptions.findByIdOptional(id).isEmpty()) {
                    throw new Refused(410, "subscription-deleted", "Subscription deleted",
                            "This request created webhook subscription " + id + ", which has since been deleted");
                }
                throw new ConflictException("secret-shown-once", "Secret shown once",
                        "This request already created webhook subscription " + id + "; its secret was shown once, in"
                                + " that first answer. POST /api/v1/webhook-subscriptions/" + id
                                + "/secret-rotation gives a new one");
            }
        };
    }

    @Transactional
    public Page<SubscriptionView> list(PageRequest page) {
        Page<WebhookSubscription> found = page.toPage(subscriptions.page(page.fetchOneMore(),
                caller.is(Roles.ADMIN) ? null : caller.subject()), WebhookSubscription::id,
                s -> s);
        Map<UUID, Progress> progress = state.progress(found.items().stream().map(WebhookSubscription::id).toList());
        return found.map(s -> SubscriptionView.of(s, progress.get(s.id())));
    }

    @Transactional
    public Versioned<SubscriptionView> get(UUID id) {
        WebhookSubscription subscription = require(id);
        return new Versioned<>(subscription.version(), SubscriptionView.of(subscription, progress(id)));
    }

    /**
     * {@code url}, {@code types}, {@code description}, {@code status}; re-enabling resumes at the
     * first unacknowledged event. Changes of a subscription wait for a delivery in flight to it to
     * end (at most a claim's 2 s of sending, or one slow receiver's 10 s).
     */
    @Transactional
    public Versioned<SubscriptionView> patch(UUID id, JsonNode patch, IfMatch ifMatch) {
        WebhookSubscription subscription = require(id);
        state.lock(id);
        ifMatch.verify(subscription.version());
        SubscriptionRequest merged = mergePatch.apply(new SubscriptionRequest(subscription.url(), subscription.types(),
                subscription.description(), subscription.status()), patch, SubscriptionRequest.class);
        if (merged.status() == null) {
            throw new InvalidRequestException("status", "must not be null");
        }
        if (!merged.url().equals(subscription.url())) {
            checkTarget(merged.url());
        }
        subscription.update(merged.url(), types(merged.types()), merged.description());
        if (subscription.changeStatus(merged.status())) {
            state.restart(id, null, clock.instant());
        }
        subscriptions.flush();
        Log.infof("Webhook subscription %s updated (%s)", id, subscription.status());
        return new Versioned<>(subscription.version(), SubscriptionView.of(subscription, progress(id)));
    }

    @Transactional
    public void delete(UUID id) {
        WebhookSubscription subscription = require(id);
        state.lock(id);
        subscriptions.delete(subscription);
        Log.infof("Webhook subscription %s deleted", id);
    }

    /** A new secret, shown once; the old one keeps signing beside it for 24 hours. */
    @Transactional
    public Versioned<SubscriptionWithSecret> rotateSecret(UUID id) {
        WebhookSubscription subscription = require(id);
        state.lock(id);
        String secret = WebhookSignature.newSecret();
        subscription.rotate(box.seal(id, secret), clock.instant());
        subscriptions.flush();
        Log.infof("Webhook subscription %s secret rotated", id);
        return new Versioned<>(subscription.version(), SubscriptionWithSecret.of(subscription, progress(id), secret));
    }

    /** Delivery restarts at {@code fromSequence}: everything from there is sent again, in order. */
    @Transactional
    public Versioned<SubscriptionView> replay(UUID id, long fromSequence) {
        WebhookSubscription subscription = require(id);
        long head = feed.head();
        if (fromSequence > head + 1) {
            // Progress past the head would skip every event still to come, silently.
            throw new Refused(422, "beyond-feed-head", "Beyond the feed's head",
                    "fromSequence " + fromSequence + " is past the feed's last sequence " + head
                            + "; replay from at most " + (head + 1));
        }
        state.restart(id, Math.max(0, fromSequence - 1), clock.instant());
        Log.infof("Webhook subscription %s replays from sequence %d", id, fromSequence);
        return new Versioned<>(subscription.version(), SubscriptionView.of(subscription, progress(id)));
    }

    @Transactional
    public Page<DeliveryView> deliveries(UUID id, PageRequest page) {
        require(id);
        return page.toPage(state.deliveries(id, page.fetchOneMore()), DeliveryView::id, d -> d);
    }

    private WebhookSubscription require(UUID id) {
        return subscriptions.findByIdOptional(id)
                .filter(s -> caller.is(Roles.ADMIN) || s.ownedBy(caller.subject()))
                .orElseThrow(() -> new ResourceNotFoundException("Webhook subscription", id));
    }

    private Progress progress(UUID id) {
        return state.progress(List.of(id)).get(id);
    }

    private void checkTarget(String url) {
        try {
            targets.check(url);
        } catch (WebhookTargets.RefusedTarget refused) {
            throw new InvalidRequestException("url", refused.getMessage());
        }
    }

    /** Known event type names, each once, in the order given; none means every type. */
    private static List<String> types(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            if (EventType.byName(requested.get(i)).isEmpty()) {
                throw new InvalidRequestException("types[" + i + "]", "is not an event type; see docs/events.md");
            }
            types.add(requested.get(i));
        }
        return List.copyOf(types);
    }

    /** A request refused with a status of its own ({@code 410}, {@code 422}). */
    static final class Refused extends DomainException {
        Refused(int status, String code, String title, String detail) {
            super(status, code, title, detail);
        }
    }
}
