package com.needleclinic.shared.idp;

import com.needleclinic.support.JwksServer;
import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One identity provider's token shape: where it puts roles and what it calls them, configured
 * through smallrye.jwt.path.groups and clinic.auth.role-map (docs/security.md, "Identity
 * providers"). Each subclass runs the service with that provider's settings, verifying tokens
 * against a key set served over HTTP as the provider's JWKS endpoint would ({@link JwksServer}).
 */
abstract class ProviderShape {

    /** A provider's settings: the key comes from its served JWKS, not a file. */
    public static class ServedKeys implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(JwksServer.class));
        }
    }

    /** The provider's token for a clinic administrator, with {@code roles} where it puts them. */
    abstract JwtClaimsBuilder withRoles(JwtClaimsBuilder token, String... roles);

    /** The provider's name for the service's admin role. */
    abstract String adminName();

    String token(UnaryOperator<JwtClaimsBuilder> shape) {
        return shape.apply(Jwt.issuer(Tokens.ISSUER).subject("idp-user-1").expiresIn(3600))
                .jws().keyId(JwksServer.DEV_KID).sign(Tokens.key());
    }

    int adminOnlyStatus(String token) {
        return given().auth().oauth2(token).get("/api/v1/webhook-subscriptions").then().extract().statusCode();
    }

    @Test
    void the_providers_name_for_admin_is_an_admin() {
        assertThat(adminOnlyStatus(token(t -> withRoles(t, "offline_access", adminName())))).isEqualTo(200);
    }

    @Test
    void other_names_grant_nothing() {
        assertThat(adminOnlyStatus(token(t -> withRoles(t, "offline_access", "uma_authorization")))).isEqualTo(403);
    }
}
