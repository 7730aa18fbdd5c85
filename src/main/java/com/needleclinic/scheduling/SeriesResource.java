package com.needleclinic.scheduling;

import com.needleclinic.scheduling.SeriesDtos.CancelSeriesRequest;
import com.needleclinic.scheduling.SeriesDtos.SeriesRequest;
import com.needleclinic.scheduling.SeriesDtos.SeriesView;
import com.needleclinic.shared.BookingOutcome;
import com.needleclinic.shared.Idempotency;
import com.needleclinic.shared.Roles;
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

import java.util.UUID;

@Path("/api/v1/appointment-series")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK})
public class SeriesResource {

    private final SeriesService service;
    private final Idempotency idempotency;

    SeriesResource(SeriesService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER})
    @BookingOutcome("course")
    public Response book(@RestHeader("Idempotency-Key") String key, @NotNull @Valid SeriesRequest request) {
        return idempotency.create(key, "POST /appointment-series", request, service.bookingGuard(request),
                () -> service.book(request));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER})
    public SeriesView get(@RestPath UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    public SeriesView cancel(@RestPath UUID id, @NotNull @Valid CancelSeriesRequest request) {
        return service.cancelFrom(id, request.reason(), request.fromStart().toInstant());
    }
}
