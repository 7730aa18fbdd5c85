package com.needleclinic.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.util.List;
import java.util.UUID;

/**
 * Which practitioner or insurer client a token subject acts as (table identity_link, written by
 * the practitioner and insurer features; docs/security.md, "Identity providers"). Read on every
 * request that needs it, never cached: an unlink takes effect on the next request, on every
 * instance.
 */
@ApplicationScoped
class IdentityLinks {

    /** The party a subject is linked to: exactly one of the two is set. */
    record Link(UUID practitionerId, UUID insurerId) {
        static final Link NONE = new Link(null, null);
    }

    private final EntityManager em;

    IdentityLinks(EntityManager em) {
        this.em = em;
    }

    Link of(String subject) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(
                        "select practitioner_id, insurer_id from identity_link where subject = :subject", Tuple.class)
                .setParameter("subject", subject).getResultList();
        return rows.stream().findFirst()
                .map(r -> new Link(r.get(0, UUID.class), r.get(1, UUID.class)))
                .orElse(Link.NONE);
    }
}
