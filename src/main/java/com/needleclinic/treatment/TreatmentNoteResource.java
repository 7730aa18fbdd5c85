package com.needleclinic.treatment;

import com.needleclinic.shared.IfMatch;
import com.needleclinic.shared.Roles;
import com.needleclinic.treatment.TreatmentDtos.AmendmentRequest;
import com.needleclinic.treatment.TreatmentDtos.NoteRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/** Clinical content: practitioners only. Front desk, admin and insurers never read it. */
@Path("/api/v1/treatment-notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PRACTITIONER)
public class TreatmentNoteResource {

    private final TreatmentNoteService service;

    TreatmentNoteResource(TreatmentNoteService service) {
        this.service = service;
    }

    @GET
    @Path("/{id}")
    public Response get(@RestPath UUID id) {
        return service.get(id).toResponse();
    }

    @PUT
    @Path("/{id}")
    public Response replace(@RestPath UUID id, @RestHeader("If-Match") String ifMatch,
                            @NotNull @Valid NoteRequest request) {
        return service.replace(id, request, IfMatch.of(ifMatch)).toResponse();
    }

    @POST
    @Path("/{id}/sign")
    public Response sign(@RestPath UUID id, @RestHeader("If-Match") String ifMatch) {
        return service.sign(id, IfMatch.of(ifMatch)).toResponse();
    }

    @POST
    @Path("/{id}/amendments")
    public Response amend(@RestPath UUID id, @NotNull @Valid AmendmentRequest request) {
        return service.amend(id, request).toResponse();
    }
}
