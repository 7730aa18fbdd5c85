package com.needleclinic.events;

import com.needleclinic.shared.RetryLater;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many long polls ({@code GET /events?waitSeconds=N}) may be open at once (docs/events.md,
 * "Long polls"): {@code CLINIC_EVENTS_MAX_OPEN_POLLS} per instance, beyond which a poll is
 * {@code 503 overloaded}, and {@code CLINIC_EVENTS_MAX_OPEN_POLLS_PER_CLIENT} per token subject,
 * beyond which it is {@code 429 too-many-polls}; both with {@code Retry-After}. An open poll holds
 * neither a thread nor a database connection, only this count and a waiter on the feed signal.
 */
@ApplicationScoped
class LongPolls {

    private final int perInstance;
    private final int perClient;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, AtomicInteger> byClient = new ConcurrentHashMap<>();

    LongPolls(@ConfigProperty(name = "clinic.events.max-open-polls", defaultValue = "1000") int perInstance,
              @ConfigProperty(name = "clinic.events.max-open-polls-per-client", defaultValue = "4") int perClient,
              MeterRegistry metrics) {
        this.perInstance = perInstance;
        this.perClient = perClient;
        Gauge.builder("clinic.events.open.polls", open, AtomicInteger::get)
                .description("Long polls open on this instance").register(metrics);
    }

    /** Counts a poll as open, or refuses it; the caller closes what it opened, once. */
    Runnable open(String client) {
        AtomicInteger mine = byClient.computeIfAbsent(client, c -> new AtomicInteger());
        if (mine.incrementAndGet() > perClient) {
            release(client, mine);
            throw new RetryLater(429, "too-many-polls", "Too many open polls",
                    "This client already holds " + perClient + " long polls open; wait for one to answer", 5);
        }
        if (open.incrementAndGet() > perInstance) {
            open.decrementAndGet();
            release(client, mine);
            throw new RetryLater(503, "overloaded", "Service overloaded",
                    "Too many long polls are open on this instance; retry in a moment", 2);
        }
        return () -> {
            open.decrementAndGet();
            release(client, mine);
        };
    }

    int openNow() {
        return open.get();
    }

    private void release(String client, AtomicInteger mine) {
        if (mine.decrementAndGet() <= 0) {
            byClient.remove(client, mine);
        }
    }
}
