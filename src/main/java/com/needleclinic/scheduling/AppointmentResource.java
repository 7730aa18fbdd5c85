package com.needleclinic.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.needleclinic.scheduling.AppointmentRepository.AppointmentFilter;
import com.needleclinic.scheduling.SchedulingDtos.AppointmentListItem;
import com.needleclinic.scheduling.SchedulingDtos.AppointmentView;
import com.needleclinic.scheduling.SchedulingDtos.BookAppointmentRequest;
import com.needleclinic.scheduling.SchedulingDtos.CancelRequest;
import com.needleclinic.scheduling.SchedulingDtos.RescheduleRequest;
import com.needleclinic.shared.BookingOutcome;
import com.needleclinic.shared.Idempotency;
import com.needleclinic.shared.IfMatch;
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

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK})
public class AppointmentResource {

    private final AppointmentService service;
    private final Idempotency idempotency;

    AppointmentResource(AppointmentService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER})
    @BookingOutcome("book")
    public Response book(@RestHeader("Idempotency-Key") String key, @NotNull @Valid BookAppointmentRequest request) {
        return idempotency.create(key, "POST /appointments", request, service.bookingGuard(request),
                () -> service.book(request));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER})
    public Page<AppointmentListItem> list(@RestQuery String practitionerId, @RestQuery String patientId,
                                      @RestQuery String locationId, @RestQuery String roomId,
                                      @RestQuery String from, @RestQuery String to,
                                      @RestQuery String needsAttention, @RestQuery List<String> status,
                                      @RestQuery String limit, @RestQuery String cursor) {
        QueryParams.DateRange dates = QueryParams.dateRange(from, to);
        var filter = new AppointmentFilter(QueryParams.uuid("practitionerId", practitionerId),
                QueryParams.uuid("patientId", patientId), QueryParams.uuid("locationId", locationId),
                QueryParams.uuid("roomId", roomId), dates.from(), dates.to(),
                Boolean.TRUE.equals(QueryParams.bool("needsAttention", needsAttention)), statuses(status));
        return service.list(filter, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER})
    public Response get(@RestPath UUID id) {
        return service.get(id).toResponse();
    }

    /** The desk's note, the one field a visit takes a merge patch for (docs/rules.md, "Front desk"). */
    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK})
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response patch(@RestPath UUID id, @RestHeader("If-Match") String ifMatch, JsonNode patch) {
        return service.patch(id, patch, IfMatch.of(ifMatch)).toResponse();
    }

    @POST
    @Path("/{id}/reschedule")
    @BookingOutcome("reschedule")
    public Response reschedule(@RestPath UUID id, @RestHeader("If-Match") String ifMatch,
                               @NotNull @Valid RescheduleRequest request) {
        return service.reschedule(id, request.start().toInstant(), request.roomId(), IfMatch.of(ifMatch)).toResponse();
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@RestPath UUID id, @RestHeader("If-Match") String ifMatch,
                           @NotNull @Valid CancelRequest request) {
        return service.cancel(id, request.reason().strip(), IfMatch.of(ifMatch)).toResponse();
    }

    @POST
    @Path("/{id}/check-in")
    public Response checkIn(@RestPath UUID id, @RestHeader("If-Match") String ifMatch) {
        return service.checkIn(id, IfMatch.of(ifMatch)).toResponse();
    }

    @POST
    @Path("/{id}/no-show")
    public Response noShow(@RestPath UUID id, @RestHeader("If-Match") String ifMatch) {
        return service.markNoShow(id, IfMatch.of(ifMatch)).toResponse();
    }

    /** {@code status=BOOKED&status=CHECKED_IN} or {@code status=BOOKED,CHECKED_IN}: any of them. */
    private static Set<AppointmentStatus> statuses(List<String> raw) {
        Set<AppointmentStatus> statuses = EnumSet.noneOf(AppointmentStatus.class);
        if (raw != null) {
            for (String value : raw) {
                QueryParams.present("status", value);
                for (String one : value.split(",", -1)) {
                    statuses.add(QueryParams.enumValue("status", one, AppointmentStatus.class));
                }
            }
        }
        return statuses;
    }
}
