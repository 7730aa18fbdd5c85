package com.needleclinic.patient;

import com.needleclinic.patient.PatientDtos.ConsentRequest;
import com.needleclinic.patient.PatientDtos.ConsentView;
import com.needleclinic.patient.PatientDtos.WithdrawalRequest;
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

@Path("/api/v1/patients/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK})
public class ConsentResource {

    private final ConsentService service;
    private final Idempotency idempotency;

    ConsentResource(ConsentService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER})
    public Page<ConsentView> list(@RestPath UUID id, @RestQuery String limit, @RestQuery String cursor) {
        return service.list(id, PageRequest.of(limit, cursor));
    }

    @POST
    public Response give(@RestPath UUID id, @RestHeader("Idempotency-Key") String key,
                         @NotNull @Valid ConsentRequest request) {
        return idempotency.create(key, "POST /patients/" + id + "/consents", request,
                service.replayAudit(id), () -> service.give(id, request));
    }

    @POST
    @Path("/{consentId}/withdrawal")
    public ConsentView withdraw(@RestPath UUID id, @RestPath UUID consentId, @NotNull @Valid WithdrawalRequest request) {
        return service.withdraw(id, consentId, request.withdrawnOn());
    }
}
