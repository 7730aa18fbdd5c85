package com.needleclinic.insurer;

import com.needleclinic.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
class InsurerRepository implements PanacheRepositoryBase<Insurer, UUID> {

    List<Insurer> page(PageRequest page) {
        var query = page.after() == null ? find("order by id") : find("id > ?1 order by id", page.after());
        return query.range(0, page.limit() - 1).list();
    }

    boolean codeTakenByOther(String code, UUID self) {
        return find("code = ?1", code.strip()).stream().anyMatch(i -> !i.id().equals(self));
    }
}
