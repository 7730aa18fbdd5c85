package com.needleclinic.billing;

import com.needleclinic.shared.InvalidRequestException;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

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

    /**
     * One address, three representations, chosen by {@code Accept} in the client's order of
     * preference; JSON when the client states none.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV, FHIR_JSON})
    public Response list(@RestQuery String from, @RestQuery String to, @RestQuery String status,
                         @RestQuery String submittedFrom, @RestQuery String submittedTo,
                         @RestQuery String submittedAfter, @RestQuery String format,
                         @RestQuery String limit, @RestQuery String cursor, HttpHeaders headers) {
        ClaimFilter filter = filter(from, to, status, submittedFrom, submittedTo);
        UUID after = QueryParams.uuid("submittedAfter", submittedAfter);
        String representation = format != null ? chosen(format) : representation(headers);
        if (after != null) {
            if (!representation.equals(MediaType.APPLICATION_JSON)) {
                throw new InvalidRequestException("submittedAfter", "resumes the JSON list only; exports take submittedFrom");
            }
            return Response.ok(service.listSubmittedAfter(filter, after, PageRequest.of(limit, cursor)),
                    MediaType.APPLICATION_JSON).build();
        }
        switch (representation) {
            case CSV:
                return csvExport(filter);
            case FHIR_JSON:
                return fhirExport(filter);
            default:
                return Response.ok(service.list(filter, PageRequest.of(limit, cursor)), MediaType.APPLICATION_JSON).build();
        }
    }

    /**
     * The CSV export at an address of its own, so that a client generated from the contract gets a
     * method whose answer is text. It answers CSV whatever {@code Accept} says (a generated
     * client's shared connection often sends {@code application/json} on every call).
     */
    @GET
    @Path("/export/csv")
    @Produces({CSV, MediaType.WILDCARD})
    public Response csv(@RestQuery String from, @RestQuery String to, @RestQuery String status,
                        @RestQuery String submittedFrom, @RestQuery String submittedTo) {
        return csvExport(filter(from, to, status, submittedFrom, submittedTo));
    }

    /** The FHIR R4 Bundle at an address of its own, whatever {@code Accept} says (as {@link #csv}). */
    @GET
    @Path("/export/fhir")
    @Produces({FHIR_JSON, MediaType.WILDCARD})
    public Response fhir(@RestQuery String from, @RestQuery String to, @RestQuery String status,
                         @RestQuery String submittedFrom, @RestQuery String submittedTo) {
        return fhirExport(filter(from, to, status, submittedFrom, submittedTo));
    }

    private Response csvExport(ClaimFilter filter) {
        return Response.ok(export.csv(service.startExport(filter, "CSV")), CSV + ";charset=UTF-8;header=present")
                .header("Content-Disposition", "attachment; filename=\"claims.csv\"").build();
    }

    private Response fhirExport(ClaimFilter filter) {
        return Response.ok(export.fhir(service.startExport(filter, "FHIR")), FHIR_JSON).build();
    }

    /**
     * {@code format=json|csv|fhir}: the representation named in the query, for clients that cannot
     * set {@code Accept} per call (a generated client's shared connection); it wins over Accept.
     */
    private static String chosen(String format) {
        return switch (QueryParams.present("format", format) ? format : "") {
            case "json" -> MediaType.APPLICATION_JSON;
            case "csv" -> CSV;
            case "fhir" -> FHIR_JSON;
            default -> throw new InvalidRequestException("format", "must be json, csv or fhir");
        };
    }

    private static String representation(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON;
            }
            if (accepted.isCompatible(MediaType.valueOf(CSV))) {
                return CSV;
            }
            if (accepted.isCompatible(MediaType.valueOf(FHIR_JSON))) {
                return FHIR_JSON;
            }
        }
        return MediaType.APPLICATION_JSON;
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

    private static ClaimFilter filter(String from, String to, String status, String submittedFrom, String submittedTo) {
        QueryParams.DateRange dates = QueryParams.dateRange(from, to);
        java.time.Instant since = QueryParams.instant("submittedFrom", submittedFrom);
        java.time.Instant until = QueryParams.instant("submittedTo", submittedTo);
        if (since != null && until != null && !until.isAfter(since)) {
            throw new InvalidRequestException("submittedTo", "must be after submittedFrom");
        }
        return new ClaimFilter(null, dates.from(), dates.to(), QueryParams.enumValue("status", status, Claim.Status.class),
                since, until, null, null);
    }
}
