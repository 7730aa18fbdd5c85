package com.needleclinic.billing;

import java.time.LocalDate;
import java.util.UUID;

/** {@code GET /claims} filters: service dates inclusive; insurerId is the caller's for insurer tokens. */
record ClaimFilter(UUID insurerId, LocalDate from, LocalDate to, Claim.Status status) {

    /** SQL conditions on table alias {@code c}, parameters in order. */
    String where(java.util.List<Object> params) {
        StringBuilder where = new StringBuilder("true");
        if (insurerId != null) {
            where.append(" and c.insurer_id = ?");
            params.add(insurerId);
        }
        if (from != null) {
            where.append(" and c.service_date >= ?");
            params.add(from);
        }
        if (to != null) {
            where.append(" and c.service_date <= ?");
            params.add(to);
        }
        if (status != null) {
            where.append(" and c.status = ?");
            params.add(status.name());
        }
        return where.toString();
    }
}
