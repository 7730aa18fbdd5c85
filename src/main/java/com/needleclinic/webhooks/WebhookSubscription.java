package com.needleclinic.webhooks;

import com.needleclinic.shared.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A receiver of events (docs/events.md). What the admin owns lives here; delivery progress lives in
 * {@code webhook_cursor}, so a delivery in flight never makes an admin's change wait.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    /** Both signatures are sent this long after a rotation, so the receiver can switch keys without losing a delivery. */
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    public enum Status { ACTIVE, DISABLED }

    /** Why a subscription stopped: an admin, the receiver answering 410 Gone, or 24 hours of failures. */
    public enum DisabledReason { ADMIN, GONE, FAILING }

    @Id
    private UUID id;
    private String url;
    @Column(name = "event_types")
    private String eventTypes;
    private String description;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "disabled_reason")
    @Enumerated(EnumType.STRING)
    private DisabledReason disabledReason;
    private String secret;
    @Column(name = "previous_secret")
    private String previousSecret;
    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;
    @Column(name = "created_at")
    private Instant createdAt;
    /** The subject that created it; null for subscriptions older than owners. */
    @Column(name = "owner_subject")
    private String owner;
    @Version
    private long version;

    protected WebhookSubscription() {
    }

    /** {@code sealedSecret} seals the signing secret for this subscription's id (SecretBox). */
    WebhookSubscription(String owner, String url, List<String> types, String description,
                        Function<UUID, String> sealedSecret, Instant now) {
        this.id = Ids.newId();
        this.owner = owner;
        this.secret = sealedSecret.apply(id);
        this.createdAt = now;
        this.status = Status.ACTIVE;
        update(url, types, description);
    }

    void update(String newUrl, List<String> newTypes, String newDescription) {
        this.url = newUrl;
        this.eventTypes = String.join(",", newTypes);
        this.description = newDescription;
    }

    /** Answers true when this re-enables the subscription (delivery then resumes at the first unacknowledged event). */
    boolean changeStatus(Status newStatus) {
        if (newStatus == status) {
            return false;
        }
        status = newStatus;
        disabledReason = newStatus == Status.DISABLED ? DisabledReason.ADMIN : null;
        return newStatus == Status.ACTIVE;
    }

    /** A new (sealed) secret; the old one keeps signing beside it for {@link #ROTATION_OVERLAP}. */
    void rotate(String newSealedSecret, Instant now) {
        previousSecret = secret;
        previousSecretUntil = now.plus(ROTATION_OVERLAP);
        secret = newSealedSecret;
    }

    /** Whether {@code subject} created this subscription. */
    boolean ownedBy(String subject) {
        return subject.equals(owner);
    }

    public UUID id() {
        return id;
    }

    public String url() {
        return url;
    }

    public List<String> types() {
        return eventTypes.isEmpty() ? List.of() : Arrays.asList(eventTypes.split(","));
    }

    public String description() {
        return description;
    }

    public Status status() {
        return status;
    }

    public DisabledReason disabledReason() {
        return disabledReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant previousSecretUntil() {
        return previousSecretUntil;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookSubscription other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "WebhookSubscription[" + id + "]";
    }
}
