package com.needleclinic.shared;

import io.quarkus.runtime.configuration.DurationConverter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The retention windows (docs/operations.md, "Retention"): how long events, webhook delivery
 * attempts and idempotency keys are kept. Audit rows, notes, claims and money are never purged.
 * A window shorter than its minimum refuses the start, naming the variable.
 */
public final class Retention {

    public static final String EVENTS = "clinic.retention.events";
    public static final String WEBHOOK_DELIVERIES = "clinic.retention.webhook-deliveries";
    public static final String IDEMPOTENCY_KEYS = "clinic.retention.idempotency-keys";

    private record Window(String property, String variable, Duration minimum, String why) {
    }

    private static final List<Window> WINDOWS = List.of(
            new Window(EVENTS, "CLINIC_RETENTION_EVENTS", Duration.ofDays(1),
                    "a receiver failing for a day must still find its events"),
            new Window(WEBHOOK_DELIVERIES, "CLINIC_RETENTION_WEBHOOK_DELIVERIES", Duration.ofDays(1),
                    "a day of failures is what disables a subscription"),
            new Window(IDEMPOTENCY_KEYS, "CLINIC_RETENTION_IDEMPOTENCY_KEYS", Duration.ofHours(24),
                    "the contract keeps idempotency keys at least 24 hours"));

    private Retention() {
    }

    /** What is wrong with the configured windows, one line per setting; empty when nothing is. */
    static List<String> problems(Function<String, Optional<String>> config) {
        List<String> problems = new ArrayList<>();
        for (Window window : WINDOWS) {
            Optional<String> value = config.apply(window.property());
            if (value.isEmpty() || value.get().isBlank()) {
                continue;
            }
            try {
                Duration configured = DurationConverter.parseDuration(value.get().trim());
                if (configured == null || configured.compareTo(window.minimum()) < 0) {
                    problems.add(window.variable() + " must be at least " + window.minimum() + ": " + window.why());
                }
            } catch (IllegalArgumentException e) {
                problems.add(window.variable() + " is not a duration (e.g. 90d, 48h)");
            }
        }
        return problems;
    }
}
