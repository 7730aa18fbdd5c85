package com.needleclinic.treatment;

import com.needleclinic.shared.Roles;
import com.needleclinic.treatment.TreatmentDtos.NoteRequest;
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
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

/** Starting an appointment's note: its own practitioner only. */
@Path("/api/v1/appointments/{id}/treatment-note")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PRACTITIONER)
public class AppointmentNoteResource {

    private final TreatmentNoteService service;

    AppointmentNoteResource(TreatmentNoteService service) {
        this.service = service;
    }

    @GET
    public Response get(@RestPath UUID id) {
        return service.ofAppointment(id).toResponse();
    }

    @POST
    public Response create(@RestPath UUID id, @NotNull @Valid NoteRequest request) {
        return service.create(id, request).toResponse();
    }
}
