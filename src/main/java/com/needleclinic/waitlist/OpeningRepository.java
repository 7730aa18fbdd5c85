package com.needleclinic.waitlist;

import com.needleclinic.shared.NativeRows;
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

    /**
     * The oldest opening no other instance is working on, of a location whose offer hours are open
     * at {@code now} (local time; the rest wait for theirs), locked until the transaction ends.
     */
    Optional<Opening> takeOne(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select o.id, o.practitioner_id, o.location_id, o.from_at, o.to_at from waitlist_opening o
                          join location l on l.id = o.location_id
                         where (l.offer_hours_start = l.offer_hours_end
                                or (cast(:now as timestamptz) at time zone l.time_zone)::time >= l.offer_hours_start
                                   and (cast(:now as timestamptz) at time zone l.time_zone)::time < l.offer_hours_end)
                         order by o.id limit 1 for update of o skip locked""")
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).getResultList();
        return rows.stream().findFirst().map(r -> new Opening(((Number) r[0]).longValue(), (UUID) r[1], (UUID) r[2],
                NativeRows.instant(r[3]), NativeRows.instant(r[4])));
    }

    /**
     * A new entry is offered time that is already free in its window, as freed time is: one
     * opening for each practitioner who works at the location (or the one it names), from now.
     * Read from the schedule table directly: an opening only names whom to look at, and the
     * offer itself checks every rule.
     */
    int recordForNewEntry(UUID locationId, UUID practitionerId, Instant from, Instant to) {
        var insert = em.createNativeQuery("""
                        insert into waitlist_opening (practitioner_id, location_id, from_at, to_at)
                        select p.practitioner_id, :location, :from, :to
                          from (select distinct e.practitioner_id from schedule_entry e
                                 where e.location_id = :location""" + (practitionerId == null ? "" : " and e.practitioner_id = :practitioner")
                        + ") p")
                .setParameter("location", locationId)
                .setParameter("from", from.atOffset(ZoneOffset.UTC)).setParameter("to", to.atOffset(ZoneOffset.UTC));
        if (practitionerId != null) {
            insert.setParameter("practitioner", practitionerId);
        }
        return insert.executeUpdate();
    }

    void delete(long id) {
        em.createNativeQuery("delete from waitlist_opening where id = :id").setParameter("id", id).executeUpdate();
    }

    record Opening(long id, UUID practitionerId, UUID locationId, Instant from, Instant to) {
    }
}
