package com.needleclinic.waitlist;

import com.needleclinic.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class WaitlistRepository implements PanacheRepositoryBase<WaitlistEntry, UUID> {

    /** Best first: URGENT before NORMAL, then the longest waiting (the contract's order). */
    static final String BEST_FIRST = "(e.priority = 'NORMAL'), e.created_at, e.id";

    /**
     * Entries waiting at the location whose window overlaps [from, to) and who would see this
     * practitioner, best first: ids only, each then taken with {@link #lockUnlessBusy} and read
     * afresh, so two instances offering at once neither wait for each other nor act on a stale row.
     */
    List<UUID> waitingFor(UUID locationId, UUID practitionerId, Instant from, Instant to, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("select e.id from waitlist_entry e"
                        + " where e.status = 'WAITING' and e.location_id = :location"
                        + " and (e.practitioner_id is null or e.practitioner_id = :practitioner)"
                        + " and e.earliest < :to and e.latest > :from order by " + BEST_FIRST
                        + " limit :limit", UUID.class)
                .setParameter("location", locationId).setParameter("practitioner", practitionerId)
                .setParameter("from", from.atOffset(ZoneOffset.UTC)).setParameter("to", to.atOffset(ZoneOffset.UTC))
                .setParameter("limit", limit).getResultList();
        return ids;
    }

    /** The entry, locked; empty if another transaction holds it (the expiry worker does not wait). */
    Optional<WaitlistEntry> lockUnlessBusy(UUID id) {
        @SuppressWarnings("unchecked")
        List<WaitlistEntry> rows = getEntityManager().createNativeQuery(
                        "select e.* from waitlist_entry e where e.id = :id for update skip locked", WaitlistEntry.class)
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst();
    }

    /** Entries by filter, best first within each status, as the desk works the list. */
    List<WaitlistEntry> search(WaitlistFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(where, params, filter.status() == null ? null : filter.status().name(), "e.status = :status", "status");
        add(where, params, filter.patientId(), "e.patient_id = :patient", "patient");
        add(where, params, filter.locationId(), "e.location_id = :location", "location");
        add(where, params, filter.practitionerId(), "e.practitioner_id = :practitioner", "practitioner");
        add(where, params, page.after(), "((e.priority = 'NORMAL'), e.created_at, e.id) > (select (b.priority = 'NORMAL'),"
                + " b.created_at, b.id from waitlist_entry b where b.id = :after)", "after");
        Query query = getEntityManager().createNativeQuery("select e.* from waitlist_entry e"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by " + BEST_FIRST + " limit :limit", WaitlistEntry.class).setParameter("limit", page.limit());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<WaitlistEntry> rows = query.getResultList();
        return rows;
    }

    private static void add(List<String> where, Map<String, Object> params, Object value, String clause, String name) {
        if (value != null) {
            where.add(clause);
            params.put(name, value);
        }
    }

    record WaitlistFilter(WaitlistEntry.Status status, UUID patientId, UUID locationId, UUID practitionerId) {
    }
}
