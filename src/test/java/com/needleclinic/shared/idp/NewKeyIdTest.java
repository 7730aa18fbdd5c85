package com.needleclinic.shared.idp;

import com.needleclinic.support.JwksServer;
import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the production refresh settings (the set refetched hourly), a token naming a kid the
 * service does not hold makes it refetch the set at once: a provider's new key is not an hour of
 * 401s. KeyRotationTest covers removal, which waits for a refresh.
 */
@QuarkusTest
@TestProfile(ProviderShape.ServedKeys.class)
class NewKeyIdTest {

    @ConfigProperty(name = JwksServer.LOCATION)
    String jwks;

    @Test
    void a_token_naming_a_new_kid_is_verified_against_the_refetched_set() throws Exception {
        String devToken = Tokens.builder("front-desk", "new-kid-test").jws().keyId(JwksServer.DEV_KID).sign(Tokens.key());
        assertThat(given().auth().oauth2(devToken).get("/api/v1/patients").then().extract().statusCode()).isEqualTo(200);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rotated = generator.generateKeyPair();
        JwksServer.serve(jwks, List.of(JwksServer.jwk(rotated.getPublic(), "rotated-1")));
        // jose4j skips a refetch within 300 ms of the last fetch (its reprieve); a provider's rotation
        // is never that close to the service's first fetch. Without the pause this raced the key
        // generation above: a warm JVM made the pair in under 300 ms and the new kid was a 401.
        Thread.sleep(400);
        String token = Tokens.builder("front-desk", "new-kid-test").jws().keyId("rotated-1").sign(rotated.getPrivate());
        assertThat(given().auth().oauth2(token).get("/api/v1/patients").then().extract().statusCode()).isEqualTo(200);
    }
}
