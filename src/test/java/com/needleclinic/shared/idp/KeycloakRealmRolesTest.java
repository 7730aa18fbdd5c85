package com.needleclinic.shared.idp;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak realm roles: {@code realm_access.roles}, named by the realm ({@code clinic-admin}). */
@QuarkusTest
@TestProfile(KeycloakRealmRolesTest.Settings.class)
class KeycloakRealmRolesTest extends ProviderShape {

    public static class Settings extends ProviderShape.ServedKeys {
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
        assertThat(adminOnlyStatus(token(t -> withRoles(t, "admin")))).isEqualTo(403);
    }
}
