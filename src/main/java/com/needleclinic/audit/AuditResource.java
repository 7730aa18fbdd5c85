package com.needleclinic.audit;

import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.QueryParams;
import com.needleclinic.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    private final AuditLog auditLog;

    AuditResource(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GET
    public Page<AuditEventView> list(@RestQuery String patientId, @RestQuery String from, @RestQuery String to,
                                     @RestQuery String limit, @RestQuery String cursor) {
        QueryParams.DateRange dates = QueryParams.dateRange(from, to);
        var query = new AuditLog.AuditQuery(QueryParams.uuid("patientId", patientId), startOf(dates.from()),
                dates.to() == null ? null : startOf(dates.to().plusDays(1)));
        return auditLog.find(query, PageRequest.of(limit, cursor)).map(AuditEventView::of);
    }

    private static Instant startOf(LocalDate date) {
        return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public record AuditEventView(UUID id, Instant at, String actor, String role, String action, String resourceType,
                                 UUID resourceId, UUID patientId, AuditEvent.Outcome outcome) {
        static AuditEventView of(AuditEvent e) {
            return new AuditEventView(e.id(), e.at(), e.actor(), e.role(), e.action(), e.resourceType(), e.resourceId(),
                    e.patientId(), e.outcome());
        }
    }
}
