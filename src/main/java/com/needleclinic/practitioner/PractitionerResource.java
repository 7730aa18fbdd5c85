package com.needleclinic.practitioner;

import com.fasterxml.jackson.databind.JsonNode;
import com.needleclinic.practitioner.PractitionerDtos.PractitionerRequest;
import com.needleclinic.practitioner.PractitionerDtos.PractitionerView;
import com.needleclinic.shared.Idempotency;
import com.needleclinic.shared.IfMatch;
import com.needleclinic.shared.InvalidRequestException;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.QueryParams;
import com.needleclinic.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/practitioners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PractitionerResource {

    private final PractitionerService service;
    private final Idempotency idempotency;

    PractitionerResource(PractitionerService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER})
    public Page<PractitionerView> list(@RestQuery String modality, @RestQuery String on,
                                       @RestQuery String limit, @RestQuery String cursor) {
        Modality wanted = QueryParams.enumValue("modality", modality, Modality.class);
        LocalDate date = QueryParams.date("on", on);
        if ((wanted == null) != (date == null)) {
            throw new InvalidRequestException(wanted == null ? "modality" : "on", "modality and on go together");
        }
        return service.list(wanted, date, PageRequest.of(limit, cursor));
    }

    @POST
    public Response create(@RestHeader("Idempotency-Key") String key, @NotNull @Valid PractitionerRequest request) {
        return idempotency.create(key, "POST /practitioners", request, () -> service.create(request));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER})
    public Response get(@RestPath UUID id) {
        return service.get(id).toResponse();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response patch(@RestPath UUID id, @RestHeader("If-Match") String ifMatch, JsonNode patch) {
        return service.patch(id, patch, IfMatch.of(ifMatch)).toResponse();
    }
}
