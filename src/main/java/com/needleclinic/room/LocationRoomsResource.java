package com.needleclinic.room;

import com.needleclinic.room.RoomDtos.RoomRequest;
import com.needleclinic.room.RoomDtos.RoomView;
import com.needleclinic.shared.Idempotency;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
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
import org.jboss.resteasy.reactive.RestQuery;

import java.util.UUID;

/** The rooms of a location (a sub-resource path: JAX-RS matches /api/v1/locations to LocationResource first otherwise). */
@Path("/api/v1/locations/{id}/rooms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LocationRoomsResource {

    private final RoomService service;
    private final Idempotency idempotency;

    LocationRoomsResource(RoomService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@RestPath UUID id, @RestHeader("Idempotency-Key") String key,
                           @NotNull @Valid RoomRequest request) {
        return idempotency.create(key, "POST /locations/" + id + "/rooms", request, () -> service.create(id, request));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER})
    public Page<RoomView> list(@RestPath UUID id, @RestQuery String limit, @RestQuery String cursor) {
        return service.list(id, PageRequest.of(limit, cursor));
    }
}
