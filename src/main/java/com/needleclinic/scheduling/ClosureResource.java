package com.needleclinic.scheduling;

import com.needleclinic.scheduling.ClosureService.ClosureRequest;
import com.needleclinic.scheduling.ClosureService.ClosureView;
import com.needleclinic.shared.Idempotency;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.QueryParams;
import com.needleclinic.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** A location's closures: admins write them, everyone who books reads them (docs/rules.md, "Front desk"). */
@Path("/api/v1/locations/{id}/closures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER})
public class ClosureResource {

    private final ClosureService service;
    private final Idempotency idempotency;

    ClosureResource(ClosureService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@RestPath UUID id, @RestHeader("Idempotency-Key") String key,
                           @NotNull @Valid ClosureRequest request) {
        return idempotency.create(key, "POST /locations/" + id + "/closures", request, () -> service.create(id, request));
    }

    /** Closures that have not ended before the local date {@code from} (default: today), by id (creation). */
    @GET
    public Page<ClosureView> list(@RestPath UUID id, @RestQuery String from, @RestQuery String limit,
                                  @RestQuery String cursor) {
        return service.list(id, QueryParams.date("from", from), PageRequest.of(limit, cursor));
    }

    @DELETE
    @Path("/{closureId}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@RestPath UUID id, @RestPath UUID closureId) {
        service.delete(id, closureId);
        return Response.noContent().build();
    }
}
