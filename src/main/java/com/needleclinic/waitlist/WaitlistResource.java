package com.needleclinic.waitlist;

import com.needleclinic.scheduling.SchedulingDtos.AppointmentView;
import com.needleclinic.shared.BookingOutcome;
import com.needleclinic.shared.Idempotency;
import com.needleclinic.shared.IfMatch;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.QueryParams;
import com.needleclinic.shared.Roles;
import com.needleclinic.waitlist.WaitlistDtos.WaitlistEntryView;
import com.needleclinic.waitlist.WaitlistDtos.WaitlistRequest;
import com.needleclinic.waitlist.WaitlistRepository.WaitlistFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.UUID;

/** The waitlist and the answers to its offers: the front desk's and admins' (docs/rules.md, "Waitlist and offers"). */
@Path("/api/v1/waitlist")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK})
public class WaitlistResource {

    private final WaitlistService service;
    private final Idempotency idempotency;

    WaitlistResource(WaitlistService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    public Response create(@RestHeader("Idempotency-Key") String key, @NotNull @Valid WaitlistRequest request) {
        return idempotency.create(key, "POST /waitlist", request, service.replayAudit(request), () -> service.create(request));
    }

    @GET
    public Page<WaitlistEntryView> list(@RestQuery String status, @RestQuery String patientId,
                                        @RestQuery String locationId, @RestQuery String practitionerId,
                                        @RestQuery String limit, @RestQuery String cursor) {
        var filter = new WaitlistFilter(status == null ? null : QueryParams.enumValue("status", status, WaitlistEntry.Status.class),
                QueryParams.uuid("patientId", patientId), QueryParams.uuid("locationId", locationId),
                QueryParams.uuid("practitionerId", practitionerId));
        return service.list(filter, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    public Response get(@RestPath UUID id) {
        return service.get(id).toResponse();
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@RestPath UUID id, @RestHeader("If-Match") String ifMatch) {
        return service.cancel(id, IfMatch.of(ifMatch)).toResponse();
    }

    @POST
    @Path("/offers/{appointmentId}/accept")
    @BookingOutcome("accept-offer")
    public AppointmentView accept(@RestPath UUID appointmentId) {
        return service.accept(appointmentId);
    }

    @POST
    @Path("/offers/{appointmentId}/decline")
    public AppointmentView decline(@RestPath UUID appointmentId) {
        return service.decline(appointmentId);
    }
}
