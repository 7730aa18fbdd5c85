package com.needleclinic.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * {@code GET /claims} filters: service dates inclusive; submission instants {@code [submittedFrom,
 * submittedTo)}; insurerId is the caller's for insurer tokens. {@code after}, when set, lists in
 * submission order from just after that claim, and only claims submitted by {@code settledBy}
 * (docs/rules.md, "Insurers pull by submission").
 */
record ClaimFilter(UUID insurerId, LocalDate from, LocalDate to, Claim.Status status, Instant submittedFrom,
                   Instant submittedTo, Submission after, Instant settledBy) {

    /** A claim's place in submission order: its submission instant, then its id. */
    record Submission(Instant at, UUID id) {
    }

    ClaimFilter forInsurer(UUID insurer) {
        return new ClaimFilter(insurer, from, to, status, submittedFrom, submittedTo, after, settledBy);
    }

    ClaimFilter resumingAfter(Submission claim, Instant settled) {
        return new ClaimFilter(insurerId, from, to, status, submittedFrom, submittedTo, claim, settled);
    }

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
        if (submittedFrom != null) {
            where.append(" and c.created_at >= ?");
            params.add(submittedFrom.atOffset(ZoneOffset.UTC));
        }
        if (submittedTo != null) {
            where.append(" and c.created_at < ?");
            params.add(submittedTo.atOffset(ZoneOffset.UTC));
        }
        if (after != null) {
            where.append(" and (c.created_at, c.id) > (?, ?) and c.created_at <= ?");
            params.add(after.at().atOffset(ZoneOffset.UTC));
            params.add(after.id());
            params.add(settledBy.atOffset(ZoneOffset.UTC));
        }
        return where.toString();
    }

    /** The order a list or an export is read in: submission order when resuming, else service date. */
    String order() {
        return after != null ? "c.created_at, c.id" : "c.service_date, c.id";
    }
}
