package com.needleclinic.billing;

import com.needleclinic.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class ClaimRepository implements PanacheRepositoryBase<Claim, UUID> {

    List<Claim> page(ClaimFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.insurerId() != null) {
            where.add("insurerId = :insurer");
            params.and("insurer", filter.insurerId());
        }
        if (filter.from() != null) {
            where.add("serviceDate >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("serviceDate <= :to");
            params.and("to", filter.to());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.submittedFrom() != null) {
            where.add("createdAt >= :submittedFrom");
            params.and("submittedFrom", filter.submittedFrom());
        }
        if (filter.submittedTo() != null) {
            where.add("createdAt < :submittedTo");
            params.and("submittedTo", filter.submittedTo());
        }
        if (filter.after() != null) {
            // Submission order, resumed after a claim (its page cursor is folded into it): served by
            // the (insurer_id, created_at, id) index (V024).
            where.add("(createdAt > :afterAt or (createdAt = :afterAt and id > :afterId)) and createdAt <= :settled");
            params.and("afterAt", filter.after().at()).and("afterId", filter.after().id())
                    .and("settled", filter.settledBy());
            return find(String.join(" and ", where) + " order by createdAt, id", params).range(0, page.limit() - 1).list();
        }
        if (page.after() != null) {
            where.add("id > :after");
            params.and("after", page.after());
        }
        String hql = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by id";
        return find(hql, params).range(0, page.limit() - 1).list();
    }

    boolean existsForAppointment(UUID appointmentId) {
        return count("appointmentId", appointmentId) > 0;
    }
}
