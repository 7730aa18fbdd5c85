package com.needleclinic.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency keys in PostgreSQL, so that a retry reaching another instance is still recognised.
 * The primary key (caller, key) makes the claim atomic across instances.
 */
@ApplicationScoped
class IdempotencyStore {

    /** How long a claim protects a running request; a claim older than this was abandoned by a crash. */
    static final Duration LEASE = Duration.ofSeconds(60);
    private final EntityManager em;
    /** How long a key is kept: {@code clinic.retention.idempotency-keys}, at least 24 hours (Retention). */
    private final Duration retention;

    IdempotencyStore(EntityManager em,
                     @ConfigProperty(name = Retention.IDEMPOTENCY_KEYS, defaultValue = "48h") Duration retention) {
        this.em = em;
        this.retention = retention;
    }

    /** Claims the key; true when this request now owns it (new, abandoned or expired). */
    boolean claim(String caller, String key, String hash, Instant now) {
        return em.createNativeQuery("""
                insert into idempotency_key (caller, idem_key, request_hash, state, locked_until, created_at, expires_at)
                values (:caller, :key, :hash, 'IN_FLIGHT', :lockedUntil, :now, :expiresAt)
                on conflict (caller, idem_key) do update
                   set request_hash = excluded.request_hash, state = 'IN_FLIGHT', locked_until = excluded.locked_until,
                       created_at = excluded.created_at, expires_at = excluded.expires_at,
                       response_status = null, response_location = null, response_etag = null, response_body = null
                 where idempotency_key.expires_at < :now
                    or (idempotency_key.state = 'IN_FLIGHT' and idempotency_key.locked_until < :now
                        and idempotency_key.request_hash = excluded.request_hash)
                """)
                .setParameter("caller", caller).setParameter("key", key).setParameter("hash", hash)
                .setParameter("now", at(now)).setParameter("lockedUntil", at(now.plus(LEASE)))
                .setParameter("expiresAt", at(now.plus(retention)))
                .executeUpdate() == 1;
    }

    Optional<Stored> find(String caller, String key) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select request_hash, state, response_status, response_location, response_etag, response_body
                  from idempotency_key where caller = :caller and idem_key = :key
                """, Tuple.class).setParameter("caller", caller).setParameter("key", key).getResultList();
        return rows.stream().findFirst().map(r -> new Stored(r.get(0, String.class), r.get(1, String.class),
                (Integer) r.get(2), r.get(3, String.class), r.get(4, String.class), r.get(5, String.class)));
    }

    void complete(String caller, String key, int status, String location, String etag, String body) {
        em.createNativeQuery("""
                update idempotency_key set state = 'COMPLETED', response_status = :status, response_location = :location,
                       response_etag = :etag, response_body = :body
                 where caller = :caller and idem_key = :key
                """).setParameter("status", status).setParameter("location", location).setParameter("etag", etag)
                .setParameter("body", body).setParameter("caller", caller).setParameter("key", key).executeUpdate();
    }

    void release(String caller, String key) {
        em.createNativeQuery("delete from idempotency_key where caller = :caller and idem_key = :key and state = 'IN_FLIGHT'")
                .setParameter("caller", caller).setParameter("key", key).executeUpdate();
    }

    int purgeExpired(Instant now) {
        return em.createNativeQuery("delete from idempotency_key where expires_at < :now")
                .setParameter("now", at(now)).executeUpdate();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    record Stored(String hash, String state, Integer status, String location, String etag, String body) {
        boolean completed() {
            return "COMPLETED".equals(state);
        }
    }
}
