package com.needleclinic.shared;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client rate limit (OWASP API4): a token bucket per token subject, refilled at
 * {@code clinic.rate-limit.requests-per-second} with a burst of twice that; 0 turns it off. Over
 * the limit a request is answered {@code 429} with {@code Retry-After}. Buckets live in each
 * instance: behind N instances a client may reach N times the rate, so a global limit belongs to
 * the gateway in front (see README). Unauthenticated requests are not counted here: they end in
 * 401 before touching data.
 */
@ApplicationScoped
public class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final JsonWebToken token;

    RateLimiter(@ConfigProperty(name = "clinic.rate-limit.requests-per-second", defaultValue = "50") double perSecond,
                JsonWebToken token) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, perSecond * 2);
        this.token = token;
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request) {
        if (perSecond <= 0 || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        String subject = token.getSubject();
        if (subject == null) {
            return null;
        }
        double waitSeconds = buckets.computeIfAbsent(subject, s -> new Bucket(burst)).take(perSecond, burst, System.nanoTime());
        if (waitSeconds <= 0) {
            return null;
        }
        return Response.fromResponse(Problems.response(429, "rate-limited", "Too many requests",
                        "This client sends more than " + perSecond + " requests a second; retry after the delay"))
                .header(HttpHeaders.RETRY_AFTER, Long.toString((long) Math.ceil(waitSeconds))).build();
    }

    /** Buckets of clients idle for a minute are full again anyway: forget them. */
    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(b -> now - b.lastNanos > 60_000_000_000L);
    }

    static final class Bucket {
        private double tokens;
        private long lastNanos;

        Bucket(double tokens) {
            this.tokens = tokens;
            this.lastNanos = System.nanoTime();
        }

        /** Takes one token; answers 0 when granted, else the seconds until one is available. */
        synchronized double take(double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * perSecond);
            lastNanos = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / perSecond;
        }
    }
}
