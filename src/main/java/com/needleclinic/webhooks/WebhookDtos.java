package com.needleclinic.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What clients send and receive for webhook subscriptions (docs/events.md). */
public final class WebhookDtos {

    private WebhookDtos() {
    }

    /** Create body, and the shape a merge patch is applied to. {@code types} empty or absent: every type. */
    public record SubscriptionRequest(
            @NotBlank @Size(max = 2048) String url,
            @Size(max = 50) List<@NotBlank String> types,
            @Size(max = 500) String description,
            WebhookSubscription.Status status) {
    }

    public record SubscriptionView(UUID id, String url, List<String> types, String description,
                                   WebhookSubscription.Status status, WebhookSubscription.DisabledReason disabledReason,
                                   Instant createdAt, Progress delivery) {
        static SubscriptionView of(WebhookSubscription s, Progress progress) {
            return new SubscriptionView(s.id(), s.url(), s.types(), s.description(), s.status(), s.disabledReason(),
                    s.createdAt(), progress);
        }
    }

    /** Where delivery stands: the last sequence the receiver acknowledged, and any failing run. */
    public record Progress(long acknowledgedSequence, int failedAttempts, Instant failingSince, Instant nextAttemptAt) {
    }

    /** The answer to a create or a rotation: the only time the secret is shown. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SubscriptionWithSecret(UUID id, String url, List<String> types, String description,
                                         WebhookSubscription.Status status,
                                         WebhookSubscription.DisabledReason disabledReason, Instant createdAt,
                                         Progress delivery, String secret, Instant previousSecretValidUntil) {
        static SubscriptionWithSecret of(WebhookSubscription s, Progress progress, String secret) {
            return new SubscriptionWithSecret(s.id(), s.url(), s.types(), s.description(), s.status(),
                    s.disabledReason(), s.createdAt(), progress, secret, s.previousSecretUntil());
        }

        /** The same answer as a stored copy may keep it: everything but the secret. */
        SubscriptionView withoutSecret() {
            return new SubscriptionView(id, url, types, description, status, disabledReason, createdAt, delivery);
        }
    }

    public record ReplayRequest(@NotNull @PositiveOrZero Long fromSequence) {
    }

    /** One attempt: {@code statusCode} null when no answer came (timeout, refused connection, refused target). */
    public record DeliveryView(UUID id, UUID eventId, long sequence, Instant attemptedAt, Integer statusCode,
                               String error, int durationMs) {
    }
}
