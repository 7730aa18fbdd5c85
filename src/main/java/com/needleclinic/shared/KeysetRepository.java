package com.needleclinic.shared;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import java.util.List;
import java.util.UUID;

/** A Panache repository whose lists are keyset pages ordered by id (see {@link PageRequest}). */
public interface KeysetRepository<E> extends PanacheRepositoryBase<E, UUID> {

    /** All rows, one page. */
    default List<E> page(PageRequest page) {
        var query = page.after() == null ? find("order by id") : find("id > ?1 order by id", page.after());
        return query.range(0, page.limit() - 1).list();
    }

    /** The rows whose {@code path} (e.g. {@code patient.id}) equals {@code value}, one page. */
    default List<E> pageWhere(String path, Object value, PageRequest page) {
        var query = page.after() == null
                ? find(path + " = ?1 order by id", value)
                : find(path + " = ?1 and id > ?2 order by id", value, page.after());
        return query.range(0, page.limit() - 1).list();
    }
}
