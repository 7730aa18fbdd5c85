package com.needleclinic.shared;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/** Who is calling, read from the verified token. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    /** The authenticated identity: its roles are the token's, translated by {@link IdentityProviderRoles}. */
    @Inject
    SecurityIdentity identity;

    /** The token subject: owner of idempotency keys and the actor in the audit log. */
    public String subject() {
        String subject = token.getSubject();
        return subject != null ? subject : token.getName();
    }

    /** The caller's role for the audit log: the first of the roles (docs/rules.md) the token carries. */
    public String role() {
        for (String role : new String[]{Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER, Roles.INSURER}) {
            if (is(role)) {
                return role;
            }
        }
        return "none";
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public Optional<UUID> practitionerId() {
        return uuidClaim("practitioner_id");
    }

    public Optional<UUID> insurerId() {
        return uuidClaim("insurer_id");
    }

    private Optional<UUID> uuidClaim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().replace("\"", "");
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
