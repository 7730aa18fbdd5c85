package com.needleclinic.practitioner;

import com.fasterxml.jackson.databind.JsonNode;
import com.needleclinic.practitioner.PractitionerDtos.CertificationRequest;
import com.needleclinic.practitioner.PractitionerDtos.CertificationView;
import com.needleclinic.shared.Idempotency;
import com.needleclinic.shared.IfMatch;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
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

import java.util.UUID;

@Path("/api/v1/practitioners/{id}/certifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class CertificationResource {

    private final CertificationService service;
    private final Idempotency idempotency;

    CertificationResource(CertificationService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER})
    public Page<CertificationView> list(@RestPath UUID id, @RestQuery String limit, @RestQuery String cursor) {
        return service.list(id, PageRequest.of(limit, cursor));
    }

    @POST
    public Response create(@RestPath UUID id, @RestHeader("Idempotency-Key") String key,
                           @NotNull @Valid CertificationRequest request) {
        return idempotency.create(key, "POST /practitioners/" + id + "/certifications", request,
                () -> service.create(id, request));
    }

    @GET
    @Path("/{certId}")
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER})
    public Response get(@RestPath UUID id, @RestPath UUID certId) {
        return service.get(id, certId).toResponse();
    }

    @PATCH
    @Path("/{certId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response patch(@RestPath UUID id, @RestPath UUID certId, @RestHeader("If-Match") String ifMatch,
                          JsonNode patch) {
        return service.patch(id, certId, patch, IfMatch.of(ifMatch)).toResponse();
    }
}
