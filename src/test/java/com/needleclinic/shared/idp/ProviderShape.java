package com.needleclinic.shared.idp;

import com.needleclinic.support.Tokens;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One identity provider's token shape: where it puts roles and what it calls them, configured
 * through smallrye.jwt.path.groups and clinic.auth.role-map (docs/security.md, "Identity
 * providers"). Each subclass runs the service with that provider's settings.
 */
abstract class ProviderShape {

    /** The provider's token for a clinic administrator, with {@code roles} where it puts them. */
    abstract JwtClaimsBuilder withRoles(JwtClaimsBuilder token, String... roles);

    /** The provider's name for the service's admin role. */
    abstract String adminName();

    String token(UnaryOperator<JwtClaimsBuilder> shape) {
        return shape.apply(Jwt.issuer(Tokens.ISSUER).subject("idp-user-1").expiresIn(3600)).sign(Tokens.key());
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
