package com.needleclinic.patient;

import com.needleclinic.patient.PatientDtos.CoverageRequest;
import com.needleclinic.patient.PatientDtos.CoverageView;
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

/** Coverages carry policy numbers: only the desk and admin, who bill, see them. */
@Path("/api/v1/patients/{id}/coverages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK})
public class CoverageResource {

    private final CoverageService service;
    private final Idempotency idempotency;

    CoverageResource(CoverageService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    public Page<CoverageView> list(@RestPath UUID id, @RestQuery String limit, @RestQuery String cursor) {
        return service.list(id, PageRequest.of(limit, cursor));
    }

    @POST
    public Response add(@RestPath UUID id, @RestHeader("Idempotency-Key") String key,
                        @NotNull @Valid CoverageRequest request) {
        return idempotency.create(key, "POST /patients/" + id + "/coverages", request,
                service.replayAudit(id), () -> service.add(id, request));
    }
}
