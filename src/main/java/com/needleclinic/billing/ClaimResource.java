package com.needleclinic.billing;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.LocalDate;
import java.util.UUID;

/** Insurers pull their members' claims as JSON pages, a CSV file or a FHIR R4 Bundle, and adjudicate them. */
@Path("/api/v1/claims")
@RolesAllowed({Roles.ADMIN, Roles.INSURER})
public class ClaimResource {

    static final String FHIR_JSON = "application/fhir+json";
    static final String CSV = "text/csv";

    private final ClaimService service;
    private final ClaimExport export;

    ClaimResource(ClaimService service, ClaimExport export) {
        this.service = service;
        this.export = export;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<ClaimView> list(@RestQuery String from, @RestQuery String to, @RestQuery String status,
                                @RestQuery String limit, @RestQuery String cursor) {
        return service.list(filter(from, to, status), PageRequest.of(limit, cursor));
    }

    @GET
    @Produces(CSV + ";charset=UTF-8")
    public Response csv(@RestQuery String from, @RestQuery String to, @RestQuery String status) {
        ClaimFilter filter = service.startExport(filter(from, to, status), "CSV");
        return Response.ok(export.csv(filter), CSV + ";charset=UTF-8;header=present")
                .header("Content-Disposition", "attachment; filename=\"claims.csv\"").build();
    }

    @GET
    @Produces(FHIR_JSON)
    public Response fhir(@RestQuery String from, @RestQuery String to, @RestQuery String status) {
        ClaimFilter filter = service.startExport(filter(from, to, status), "FHIR");
        return Response.ok(export.fhir(filter), FHIR_JSON).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ClaimView get(@RestPath UUID id) {
        return service.get(id);
    }

    @POST
    @Path("/{id}/adjudication")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSURER)
    public ClaimView adjudicate(@RestPath UUID id, @NotNull @Valid AdjudicationRequest request) {
        return service.adjudicate(id, request);
    }

    private static ClaimFilter filter(String from, String to, String status) {
        LocalDate fromDate = QueryParams.date("from", from);
        LocalDate toDate = QueryParams.date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        return new ClaimFilter(null, fromDate, toDate, QueryParams.enumValue("status", status, Claim.Status.class));
    }
}
