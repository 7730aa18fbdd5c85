package com.needleclinic.scheduling;

import com.needleclinic.scheduling.SchedulingDtos.ScheduleRequest;
import com.needleclinic.scheduling.SchedulingDtos.ScheduleView;
import com.needleclinic.scheduling.SchedulingDtos.TimeOffRequest;
import com.needleclinic.scheduling.SchedulingDtos.TimeOffView;
import com.needleclinic.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.util.UUID;

@Path("/api/v1/practitioners/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ScheduleResource {

    private final ScheduleService service;

    ScheduleResource(ScheduleService service) {
        this.service = service;
    }

    @GET
    @Path("/schedule")
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER})
    public ScheduleView schedule(@RestPath UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/schedule")
    public ScheduleView replaceSchedule(@RestPath UUID id, @NotNull @Valid ScheduleRequest request) {
        return service.replace(id, request.entries());
    }

    @GET
    @Path("/time-off")
    @RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER})
    public com.needleclinic.shared.Page<TimeOffView> timeOff(@RestPath UUID id) {
        // Every list answers {items, nextCursor}; a practitioner's time still to come is one page.
        return new com.needleclinic.shared.Page<>(service.upcomingTimeOff(id), null);
    }

    @POST
    @Path("/time-off")
    public Response addTimeOff(@RestPath UUID id, @NotNull @Valid TimeOffRequest request) {
        return service.addTimeOff(id, request).toResponse();
    }

    @DELETE
    @Path("/time-off/{timeOffId}")
    public Response removeTimeOff(@RestPath UUID id, @RestPath UUID timeOffId) {
        service.removeTimeOff(id, timeOffId);
        return Response.noContent().build();
    }
}
