package com.needleclinic.shared;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Who is calling, read from the verified token. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    /** The authenticated identity: its roles are the token's, translated by {@link IdentityProviderRoles}. */
    @Inject
    SecurityIdentity identity;

    @Inject
    IdentityLinks links;

    /** The subject's link, looked up once per request when a claim does not name the party. */
    private IdentityLinks.Link link;

    /** The token subject: owner of idempotency keys and the actor in the audit log. */
    public String subject() {
        String subject = token.getSubject();
        return subject != null ? subject : token.getName();
    }

    /** The caller's role for the audit log: the first of the roles (docs/rules.md) the token carries. */
    public String role() {
        for (String role : new String[]{Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER, Roles.INSURER,
                Roles.INTEGRATION}) {
            if (is(role)) {
                return role;
            }
        }
        return "none";
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /**
     * The practitioner this caller acts as: the token's {@code practitioner_id} claim when it has
     * one, else the practitioner its subject is linked to; empty when neither.
     *
     * @throws ForbiddenException when the claim is there but is not a UUID
     */
    public Optional<UUID> practitionerId() {
        return party(PRACTITIONER_CLAIM, IdentityLinks.Link::practitionerId);
    }

    /** The practitioner this caller acts as, or 403 saying what the token lacks. */
    public UUID requirePractitionerId() {
        return practitionerId().orElseThrow(() -> unlinked(PRACTITIONER_CLAIM, "a practitioner (identitySubject)"));
    }

    /** The insurer this caller acts for: its {@code insurer_id} claim, else its subject's link. */
    public Optional<UUID> insurerId() {
        return party(INSURER_CLAIM, IdentityLinks.Link::insurerId);
    }

    /** The insurer this caller acts for, or 403 saying what the token lacks. */
    public UUID requireInsurerId() {
        return insurerId().orElseThrow(() -> unlinked(INSURER_CLAIM, "an insurer (clientSubjects)"));
    }

    private static final String PRACTITIONER_CLAIM = "practitioner_id";
    private static final String INSURER_CLAIM = "insurer_id";

    private Optional<UUID> party(String claim, Function<IdentityLinks.Link, UUID> linked) {
        Object value = token.getClaim(claim);
        if (value != null) {
            String text = value.toString().replace("\"", "");
            try {
                return Optional.of(UUID.fromString(text));
            } catch (IllegalArgumentException e) {
                throw new ForbiddenException("The token's " + claim + " claim is not a UUID");
            }
        }
        if (link == null) {
            link = links.of(subject());
        }
        return Optional.ofNullable(linked.apply(link));
    }

    private ForbiddenException unlinked(String claim, String party) {
        return new ForbiddenException("The token carries no " + claim + " claim and its subject is not linked to "
                + party + "; an admin links it (docs/security.md, \"Identity providers\")");
    }
}
