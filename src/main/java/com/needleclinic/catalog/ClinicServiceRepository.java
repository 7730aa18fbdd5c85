package com.needleclinic.catalog;

import com.needleclinic.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
class ClinicServiceRepository implements PanacheRepositoryBase<ClinicService, UUID> {

    List<ClinicService> page(PageRequest page) {
        var query = page.after() == null ? find("order by id") : find("id > ?1 order by id", page.after());
        return query.range(0, page.limit() - 1).list();
    }
}
