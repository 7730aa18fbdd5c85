package com.needleclinic.shared.idp;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.List;
import java.util.Map;

/**
 * Auth0: roles in a namespaced claim added by an Action, {@code "https://clinic.example/roles"};
 * the path is quoted so that its slashes are part of the name. The names are the service's own
 * here, so no map is set.
 */
@QuarkusTest
@TestProfile(Auth0NamespacedClaimTest.Settings.class)
class Auth0NamespacedClaimTest extends ProviderShape {

    public static class Settings extends ProviderShape.ServedKeys {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smallrye.jwt.path.groups", "\"https://clinic.example/roles\"");
        }
    }

    @Override
    JwtClaimsBuilder withRoles(JwtClaimsBuilder token, String... roles) {
        return token.claim("https://clinic.example/roles", List.of(roles));
    }

    @Override
    String adminName() {
        return "admin";
    }
}
