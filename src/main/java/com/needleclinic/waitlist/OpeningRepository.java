package com.needleclinic.waitlist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The queue of freed time ({@code waitlist_opening}, V016) that the offer worker works through. */
@ApplicationScoped
class OpeningRepository {

    private final EntityManager em;

    OpeningRepository(EntityManager em) {
        this.em = em;
    }

    /** Makes the calling transaction read one snapshot (REPEATABLE READ): its first statement. */
    void readOneSnapshot() {
        em.createNativeQuery("set transaction isolation level repeatable read").executeUpdate();
    }

    /** Freed time to look at, if anyone might be waiting for it: one statement, nothing written otherwise. */
    boolean recordIfAwaited(UUID practitionerId, UUID locationId, Instant from, Instant to) {
        OffsetDateTime f = from.atOffset(ZoneOffset.UTC);
        OffsetDateTime t = to.atOffset(ZoneOffset.UTC);
        return em.createNativeQuery("""
                        insert into waitlist_opening (practitioner_id, location_id, from_at, to_at)
                        select :practitioner, :location, :from, :to
                         where exists (select 1 from waitlist_entry e
                                        where e.status = 'WAITING' and e.location_id = :location
                                          and (e.practitioner_id is null or e.practitioner_id = :practitioner)
                                          and e.earliest < :to and e.latest > :from)""")
                .setParameter("practitioner", practitionerId).setParameter("location", locationId)
                .setParameter("from", f).setParameter("to", t).executeUpdate() > 0;
    }

    /** The oldest opening no other instance is working on, locked until the transaction ends. */
    Optional<Opening> takeOne() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, practitioner_id, location_id, from_at, to_at from waitlist_opening
                         order by id limit 1 for update skip locked""").getResultList();
        return rows.stream().findFirst().map(r -> new Opening(((Number) r[0]).longValue(), (UUID) r[1], (UUID) r[2],
                instant(r[3]), instant(r[4])));
    }

    void delete(long id) {
        em.createNativeQuery("delete from waitlist_opening where id = :id").setParameter("id", id).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    record Opening(long id, UUID practitionerId, UUID locationId, Instant from, Instant to) {
    }
}
