package com.needleclinic.patient;

import com.fasterxml.jackson.databind.JsonNode;
import com.needleclinic.patient.PatientDtos.PatientRequest;
import com.needleclinic.patient.PatientDtos.PatientView;
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

import java.util.UUID;

@Path("/api/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK})
public class PatientResource {

    private static final int MAX_QUERY_LENGTH = 100;

    private final PatientService service;
    private final Idempotency idempotency;

    PatientResource(PatientService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    public Page<PatientView> search(@RestQuery String q, @RestQuery String phone, @RestQuery String email,
                                    @RestQuery String limit, @RestQuery String cursor) {
        for (String[] text : new String[][]{{"q", q}, {"phone", phone}, {"email", email}}) {
            if (text[1] != null && text[1].length() > MAX_QUERY_LENGTH) {
                throw new InvalidRequestException(text[0], "must be at most " + MAX_QUERY_LENGTH + " characters");
            }
            QueryParams.text(text[0], text[1]);
        }
        return service.search(QueryParams.present("q", q) ? q : null, QueryParams.present("phone", phone) ? phone : null,
                QueryParams.present("email", email) ? email : null, PageRequest.of(limit, cursor));
    }

    @POST
    public Response create(@RestHeader("Idempotency-Key") String key, @NotNull @Valid PatientRequest request) {
        return idempotency.create(key, "POST /patients", request, service.replayAudit(),
                () -> service.create(request));
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
