package com.needleclinic.shared;

import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.needleclinic.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

/**
 * What a verified token must also be (docs/security.md): a subject the audit trail can hold, and
 * not issued in the future. Both are a 401, never a 503 or a lost audit row.
 */
@QuarkusTest
class TokenClaimsTest {

    @Test
    void a_subject_longer_than_255_characters_is_refused_with_401() {
        String token = Tokens.withSubject("front-desk", "s".repeat(256));
        as(token).get("/api/v1/patients").then().statusCode(401).body("code", equalTo("unauthorized"));
        as(Tokens.withSubject("front-desk", "s".repeat(255))).get("/api/v1/patients").then().statusCode(200);
    }

    @Test
    void a_token_issued_in_the_future_is_refused() {
        long inTenMinutes = System.currentTimeMillis() / 1000 + 600;
        String token = Tokens.builder("front-desk", "future-" + System.nanoTime()).issuedAt(inTenMinutes)
                .expiresAt(inTenMinutes + 3600).sign(Tokens.key());
        as(token).get("/api/v1/patients").then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void an_empty_idempotency_key_is_a_400() {
        as(Tokens.admin()).header("Idempotency-Key", "").body(com.needleclinic.support.Api.locationBody())
                .post("/api/v1/locations").then().statusCode(400).body("code", equalTo("validation-failed"));
    }
}
