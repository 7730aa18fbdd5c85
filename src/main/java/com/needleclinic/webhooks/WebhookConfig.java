package com.needleclinic.webhooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Webhook delivery settings (docs/events.md); only the first is part of the deployment contract. */
@ConfigMapping(prefix = "clinic.webhooks")
interface WebhookConfig {

    /** {@code CLINIC_WEBHOOKS_ALLOW_INSECURE_TARGETS}: http and private addresses allowed (development, tests). */
    @WithDefault("false")
    boolean allowInsecureTargets();

    /** Deliveries in flight at once in this instance (each to a different subscription). */
    @WithDefault("2")
    int workers();

    /** The first retry's delay; each further one doubles, up to {@link #retryMax()}. */
    @WithDefault("5S")
    Duration retryBase();

    @WithDefault("1H")
    Duration retryMax();

    /**
     * {@code CLINIC_WEBHOOKS_SECRET_KEY}: 32 random bytes in base64 that seal signing secrets at rest
     * (SecretBox); required in production, a public one in dev and tests.
     */
    Optional<String> secretKey();

    /** A subscription failing this long without an acknowledgment is disabled. */
    @WithDefault("24H")
    Duration giveUpAfter();
}
