package com.needleclinic.shared.idp;

import com.needleclinic.support.JwksServer;
import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An identity provider rotating its signing key, against a served JWKS (docs/security.md,
 * "Identity providers"): a token naming a new {@code kid} verifies at once, without a restart
 * and without waiting for the hourly refresh (SmallRye refetches the set when it meets a kid it
 * does not hold); a key the provider removed stops verifying once the set is refetched. This
 * profile refetches on every verification (refresh interval 0) so that "the next refresh" is now.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.Settings.class)
class KeyRotationTest {

    public static class Settings extends ProviderShape.ServedKeys {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smallrye.jwt.jwks.refresh-interval", "0", "smallrye.jwt.jwks.forced-refresh-interval", "0");
        }
    }

    @ConfigProperty(name = JwksServer.LOCATION)
    String jwks;

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Serves {@code keys}, then lets jose4j's refresh reprieve pass (it skips a refetch within 300 ms
     * of the last one), as a provider's rotation is never a fraction of a second after a fetch.
     */
    private void publish(java.security.PublicKey... keys) throws InterruptedException {
        List<org.jose4j.jwk.JsonWebKey> served = new java.util.ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            served.add(JwksServer.jwk(keys[i], keys[i] == first.getPublic() ? "k1" : "k2"));
        }
        JwksServer.serve(jwks, served);
        Thread.sleep(400);
    }

    private final KeyPair first = newKey();
    private final KeyPair second = newKey();

    private static int status(KeyPair key, String kid) {
        String token = Tokens.builder("front-desk", "rotation-test").jws().keyId(kid).sign(key.getPrivate());
        return given().auth().oauth2(token).get("/api/v1/patients").then().extract().statusCode();
    }

    @Test
    void a_new_key_verifies_at_once_and_a_removed_key_stops_verifying() throws InterruptedException {
        publish(first.getPublic());
        assertThat(status(first, "k1")).isEqualTo(200);
        Thread.sleep(400);
        assertThat(status(second, "k2")).as("a key the provider has not published").isEqualTo(401);

        publish(first.getPublic(), second.getPublic());
        assertThat(status(second, "k2")).as("the new key, without a restart").isEqualTo(200);
        assertThat(status(first, "k1")).as("the old key, during the overlap").isEqualTo(200);

        publish(second.getPublic());
        assertThat(status(first, "k1")).as("the removed key").isEqualTo(401);
        assertThat(status(second, "k2")).isEqualTo(200);
        assertThat(status(second, "k1")).as("the new key under the removed key's kid").isEqualTo(401);
    }
}
