package com.needleclinic.audit;

import com.needleclinic.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class AuditEventRepository implements PanacheRepositoryBase<AuditEvent, UUID> {

    List<AuditEvent> find(AuditLog.AuditQuery query, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (query.patientId() != null) {
            where.add("patientId = :patient");
            params.and("patient", query.patientId());
        }
        if (query.fromInclusive() != null) {
            where.add("at >= :from");
            params.and("from", query.fromInclusive());
        }
        if (query.toExclusive() != null) {
            where.add("at < :to");
            params.and("to", query.toExclusive());
        }
        if (page.after() != null) {
            where.add("id > :after");
            params.and("after", page.after());
        }
        String hql = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by id";
        return find(hql, params).range(0, page.limit() - 1).list();
    }
}
