package com.needleclinic.shared.idp;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.Map;
import java.util.Set;

/** Keycloak groups (the "Group Membership" mapper with full paths): {@code groups: ["/clinic/admins"]}. */
@QuarkusTest
@TestProfile(KeycloakGroupsTest.Settings.class)
class KeycloakGroupsTest extends ProviderShape {

    public static class Settings extends ProviderShape.ServedKeys {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smallrye.jwt.path.groups", "groups",
                    "clinic.auth.role-map", "/clinic/admins=admin,/clinic/front-desk=front-desk");
        }
    }

    @Override
    JwtClaimsBuilder withRoles(JwtClaimsBuilder token, String... roles) {
        return token.groups(Set.of(roles));
    }

    @Override
    String adminName() {
        return "/clinic/admins";
    }
}
