package com.needleclinic.shared.idp;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Keycloak realm roles: {@code realm_access.roles}, named by the realm ({@code clinic-admin}). */
@QuarkusTest
@TestProfile(KeycloakRealmRolesTest.Settings.class)
class KeycloakRealmRolesTest extends ProviderShape {

    public static class Settings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smallrye.jwt.path.groups", "realm_access/roles",
                    "clinic.auth.role-map", "clinic-admin=admin,clinic-front-desk=front-desk");
        }
    }

    @Override
    JwtClaimsBuilder withRoles(JwtClaimsBuilder token, String... roles) {
        return token.claim("realm_access", Map.of("roles", List.of(roles)));
    }

    @Override
    String adminName() {
        return "clinic-admin";
    }

    @Test
    void with_a_map_the_bare_name_admin_grants_nothing() {
        String raw = io.smallrye.jwt.build.Jwt.issuer(com.needleclinic.support.Tokens.ISSUER).subject("idp-user-2")
                .claim("realm_access", Map.of("roles", List.of("admin"))).expiresIn(3600)
                .sign(com.needleclinic.support.Tokens.key());
        given().auth().oauth2(raw).get("/api/v1/webhook-subscriptions").then().statusCode(403);
    }
}
