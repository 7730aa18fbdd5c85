package com.needleclinic.shared;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Translates an identity provider's role names into this service's roles (docs/security.md,
 * "Identity providers"). Where the token carries them is SmallRye's {@code smallrye.jwt.path.groups}
 * ({@code realm_access/roles} for Keycloak realm roles, {@code roles} for Entra ID app roles, a
 * quoted namespaced claim for Auth0). {@code clinic.auth.role-map} lists {@code NAME=ROLE} pairs,
 * e.g. {@code clinic-admin=admin,/clinic/front-desk=front-desk} (a Keycloak group path is a name
 * like any other). When a map is set, <b>only mapped names count</b>: a provider's unrelated
 * {@code admin} group grants nothing here. Without one, names are taken as they are.
 */
@ApplicationScoped
public class IdentityProviderRoles implements SecurityIdentityAugmentor {

    static final Set<String> ROLES = Set.of(Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER, Roles.INSURER,
            Roles.INTEGRATION);

    private final Map<String, String> map;
    private final List<String> problems;

    @Inject
    IdentityProviderRoles(@ConfigProperty(name = "clinic.auth.role-map") Optional<List<String>> pairs) {
        this.problems = new ArrayList<>();
        this.map = parse(pairs.orElse(List.of()), problems);
    }

    /** The map of {@code NAME=ROLE} pairs; each malformed pair or unknown role is a problem naming the setting. */
    static Map<String, String> parse(List<String> pairs, List<String> problems) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.lastIndexOf('=');
            String name = equals < 0 ? "" : pair.substring(0, equals).trim();
            String role = equals < 0 ? "" : pair.substring(equals + 1).trim();
            if (name.isEmpty() || !ROLES.contains(role)) {
                problems.add("CLINIC_AUTH_ROLE_MAP: each entry is NAME=ROLE with ROLE one of " + ROLES.stream().sorted().toList()
                        + "; '" + pair.trim() + "' is not");
            } else {
                map.put(name, role);
            }
        }
        return map;
    }

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!problems.isEmpty()) {
            throw new JwtConfigGuard.StartupRefused(problems);
        }
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (map.isEmpty() || identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles = identity.getRoles().stream().map(map::get)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(roles)
                .build());
    }
}
