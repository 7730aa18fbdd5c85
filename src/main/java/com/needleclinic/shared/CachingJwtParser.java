package com.needleclinic.shared;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bearer-token parser Quarkus authenticates with, remembering tokens it has fully verified.
 * A front-desk client sends the same token with every request for its lifetime; verifying its
 * RS256 signature and claims each time was an eighth of a booking's CPU (docs/performance.md).
 *
 * <p>A token is looked up by its exact text, signature included, so a hit is a token that passed
 * full verification before; nothing that failed is remembered. A hit is served only while the
 * token has not expired and for at most {@link #REVERIFY_AFTER} after it was verified (which
 * bounds how long a key rotation takes to reach a token verified under the old key); past that it
 * is verified afresh, so expiry is judged exactly as on a first sight (clock skew included).
 * Memory is bounded: beyond {@link #MAX_ENTRIES} tokens, expired entries are dropped, and if that
 * is not enough, all of them.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    static final Duration REVERIFY_AFTER = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 10_000;

    private final JWTParser delegate;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final boolean refuseDevKey;

    @Inject
    CachingJwtParser(DefaultJWTParser delegate) {
        this(delegate, Clock.systemUTC(), ConfigUtils.getProfiles().contains("prod"));
    }

    CachingJwtParser(JWTParser delegate, Clock clock) {
        this(delegate, clock, false);
    }

    CachingJwtParser(JWTParser delegate, Clock clock, boolean refuseDevKey) {
        this.delegate = delegate;
        this.clock = clock;
        this.refuseDevKey = refuseDevKey;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Instant now = clock.instant();
        Verified hit = verified.get(token);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.jwt();
        }
        JsonWebToken jwt = delegate.parse(token);
        if (refuseDevKey && signedWithDevKey(token)) {
            throw new ParseException("the token is signed with the public dev-only key, which production never trusts");
        }
        checkClaims(jwt, now);
        remember(token, jwt, now);
        return jwt;
    }

    /** A subject longer than the audit trail stores could not be audited: such a token is refused. */
    static final int MAX_SUBJECT_LENGTH = 255;
    /** Clocks differ a little; a token issued further in the future than this was not issued now. */
    static final Duration ISSUED_AT_SKEW = Duration.ofSeconds(60);

    /**
     * What this service requires of a verified token beyond its signature, issuer and expiry
     * (docs/security.md): a subject it can audit, and an issue time that is not in the future.
     */
    static void checkClaims(JsonWebToken jwt, Instant now) throws ParseException {
        String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
            throw new ParseException("the token's subject is missing or longer than " + MAX_SUBJECT_LENGTH + " characters");
        }
        Object issuedAt = jwt.getClaim(org.eclipse.microprofile.jwt.Claims.iat.name());
        if (issuedAt instanceof Number iat && iat.longValue() > now.plus(ISSUED_AT_SKEW).getEpochSecond()) {
            throw new ParseException("the token was issued in the future");
        }
    }

    /**
     * Whether the dev key signed this token. Production refuses such a token whatever key source
     * vouched for it (a JWKS URL serving the dev key is not caught at start, StartupCheck): the
     * dev private key is public, so anyone could have made it. One RSA verification per token
     * first seen, none for a remembered one.
     */
    static boolean signedWithDevKey(String token) {
        try {
            JsonWebSignature signature = new JsonWebSignature();
            signature.setAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256));
            signature.setCompactSerialization(token);
            signature.setKey(StartupCheck.devKey());
            return signature.verifySignature();
        } catch (JoseException | RuntimeException notVerifiable) {
            return false;
        }
    }

    private void remember(String token, JsonWebToken jwt, Instant now) {
        Instant until = now.plus(REVERIFY_AFTER);
        if (jwt.getExpirationTime() > 0) {
            Instant expires = Instant.ofEpochSecond(jwt.getExpirationTime());
            until = expires.isBefore(until) ? expires : until;
        }
        if (!now.isBefore(until)) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(v -> !now.isBefore(v.until()));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(jwt, until));
    }

    int size() {
        return verified.size();
    }

    private record Verified(JsonWebToken jwt, Instant until) {
    }

    // Parsing with another context, verifying with a given key and decrypting are not on the
    // request path; they go to the default parser untouched.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
