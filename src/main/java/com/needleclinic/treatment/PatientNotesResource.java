package com.needleclinic.treatment;

import com.needleclinic.shared.Page;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.shared.Roles;
import com.needleclinic.treatment.TreatmentDtos.NoteView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.UUID;

/** A patient's notes, for the practitioners who treat them. */
@Path("/api/v1/patients/{id}/treatment-notes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PRACTITIONER)
public class PatientNotesResource {

    private final TreatmentNoteService service;

    PatientNotesResource(TreatmentNoteService service) {
        this.service = service;
    }

    @GET
    public Page<NoteView> list(@RestPath UUID id, @RestQuery String limit, @RestQuery String cursor) {
        return service.ofPatient(id, PageRequest.of(limit, cursor));
    }
}
