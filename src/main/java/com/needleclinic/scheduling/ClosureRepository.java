package com.needleclinic.scheduling;

import com.needleclinic.shared.NativeRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Reads location closures for availability (the closure exclusion constraint's GiST index). */
@ApplicationScoped
class ClosureRepository {

    private final EntityManager entityManager;

    ClosureRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Closures of the location overlapping [from, to), as periods: no slot is offered inside one. */
    List<Period> overlapping(UUID locationId, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select lower(period), upper(period) from location_closure
                         where location_id = :location and period && tstzrange(:from, :to, '[)')""")
                .setParameter("location", locationId).setParameter("from", from.atOffset(ZoneOffset.UTC))
                .setParameter("to", to.atOffset(ZoneOffset.UTC)).getResultList();
        return rows.stream().map(r -> new Period(NativeRows.instant(r[0]), NativeRows.instant(r[1]))).toList();
    }
}
