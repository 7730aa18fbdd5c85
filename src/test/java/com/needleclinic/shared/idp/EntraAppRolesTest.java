package com.needleclinic.shared.idp;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.List;
import java.util.Map;

/** Entra ID app roles: {@code roles: ["Clinic.Admin"]}. */
@QuarkusTest
@TestProfile(EntraAppRolesTest.Settings.class)
class EntraAppRolesTest extends ProviderShape {

    public static class Settings extends ProviderShape.ServedKeys {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smallrye.jwt.path.groups", "roles", "clinic.auth.role-map", "Clinic.Admin=admin");
        }
    }

    @Override
    JwtClaimsBuilder withRoles(JwtClaimsBuilder token, String... roles) {
        return token.claim("roles", List.of(roles));
    }

    @Override
    String adminName() {
        return "Clinic.Admin";
    }
}
