package com.needleclinic.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} handling for creating POSTs (docs/rules.md): a retry with the same key and body
 * replays the first response and creates nothing; the same key with another body is {@code 422
 * idempotency-key-reused}; a retry while the first is still running is {@code 409
 * idempotency-key-in-flight}. Keys belong to the token subject. The response is stored in the
 * same transaction as the creation, so a stored key always means a stored resource. A request
 * that fails releases its key: errors are not replayed, and the client may retry after fixing.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Caller caller;
    private final CurrentVertxRequest currentRequest;

    Idempotency(IdempotencyStore store, ObjectMapper mapper, Clock clock, Caller caller,
                CurrentVertxRequest currentRequest) {
        this.store = store;
        this.mapper = mapper;
        this.clock = clock;
        this.caller = caller;
        this.currentRequest = currentRequest;
    }

    /**
     * Runs {@code create} at most once per (caller, key). {@code scope} names the endpoint, so the
     * same key sent to two endpoints counts as two different bodies.
     */
    public <V> Response create(String key, String scope, Object request, Supplier<Created<V>> create) {
        return create(key, scope, request, Guard.ROLES_ONLY, create);
    }

    /**
     * As {@link #create(String, String, Object, Supplier)}, for a creation whose authorization
     * depends on the request (a practitioner books only for themself). The creation authorizes
     * itself when it runs; a replay skips it, so {@code guard} authorizes the request before a
     * replay is answered (only to a caller who may still make the original request) and records
     * that the stored answer was read again.
     */
    public <V> Response create(String header, String scope, Object request, Guard guard, Supplier<Created<V>> create) {
        // An empty header is a client bug, not "no key": it is refused below.
        String key = header == null && sentEmpty() ? "" : header;
        if (key == null) {
            return create.get().toResponse();
        }
        validate(key);
        String subject = caller.subject();
        String hash = hash(scope, request);
        boolean owned = QuarkusTransaction.requiringNew().call(() -> store.claim(subject, key, hash, clock.instant()));
        if (!owned) {
            guard.authorize();
            Response replayed = replay(subject, key, hash);
            String location = replayed.getLocation() == null ? null : replayed.getLocation().toString();
            QuarkusTransaction.requiringNew().run(() -> guard.replayed(location));
            return replayed;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Created<V> created = create.get();
                store.complete(subject, key, 201, created.location(), IfMatch.etag(created.version()),
                        json(guard.stored(created.body())));
                return created.toResponse();
            });
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> store.release(subject, key));
            throw e;
        }
    }

    private Response replay(String subject, String key, String hash) {
        IdempotencyStore.Stored stored = QuarkusTransaction.requiringNew().call(() -> store.find(subject, key))
                .orElseThrow(IdempotencyKeyInFlightException::new); // released between claim and read: still settling
        if (!stored.hash().equals(hash)) {
            throw new IdempotencyKeyReusedException();
        }
        if (!stored.completed()) {
            throw new IdempotencyKeyInFlightException();
        }
        Response.ResponseBuilder response = Response.status(stored.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(stored.body()).header("Idempotent-Replayed", "true");
        if (stored.location() != null) {
            response.location(URI.create(stored.location()));
        }
        if (stored.etag() != null) {
            response.header(HttpHeaders.ETAG, stored.etag());
        }
        return response.build();
    }

    /**
     * What a creation checks beyond its roles, and what a replay of it records. Roles are checked
     * by the resource's annotations on every request, replays included.
     */
    public interface Guard {
        Guard ROLES_ONLY = new Guard() {
        };

        /** Before a replay: throws when the caller may not make this request now. */
        default void authorize() {
        }

        /**
         * The stored answer about {@code location} is about to be sent again (after {@link
         * #authorize}, in its own transaction): audit it like a read, or throw to answer otherwise.
         */
        default void replayed(String location) {
        }

        /** What of the first answer is kept for replays: all of it, unless part must never be stored. */
        default Object stored(Object body) {
            return body;
        }
    }

    /** Whether the request carried the header with an empty value (the REST layer hands that over as null). */
    private boolean sentEmpty() {
        RoutingContext context = currentRequest.getCurrent();
        return context != null && context.request().headers().contains(HEADER);
    }

    private static void validate(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidRequestException(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
        }
    }

    private String hash(String scope, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(scope.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(mapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        int purged = QuarkusTransaction.requiringNew().call(() -> store.purgeExpired(clock.instant()));
        if (purged > 0) {
            Log.infof("Purged %d expired idempotency keys", purged);
        }
    }

    static final class IdempotencyKeyReusedException extends DomainException {
        IdempotencyKeyReusedException() {
            super(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was already used with a different request body");
        }
    }

    static final class IdempotencyKeyInFlightException extends DomainException {
        IdempotencyKeyInFlightException() {
            super(409, "idempotency-key-in-flight", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly");
        }
    }
}
