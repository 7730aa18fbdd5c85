package com.needleclinic.patient;

import com.needleclinic.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
class CoverageRepository implements PanacheRepositoryBase<Coverage, UUID> {

    List<Coverage> page(UUID patientId, PageRequest page) {
        var query = page.after() == null
                ? find("patient.id = ?1 order by id", patientId)
                : find("patient.id = ?1 and id > ?2 order by id", patientId, page.after());
        return query.range(0, page.limit() - 1).list();
    }
}
