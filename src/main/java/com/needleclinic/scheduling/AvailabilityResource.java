package com.needleclinic.scheduling;

import com.needleclinic.scheduling.SchedulingDtos.SlotView;
import com.needleclinic.shared.Page;
import com.needleclinic.shared.InvalidRequestException;
import com.needleclinic.shared.QueryParams;
import com.needleclinic.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/availability")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.FRONT_DESK, Roles.PRACTITIONER})
public class AvailabilityResource {

    private final AvailabilityService service;

    AvailabilityResource(AvailabilityService service) {
        this.service = service;
    }

    @GET
    public Page<SlotView> find(@RestQuery String serviceId, @RestQuery String locationId, @RestQuery String from,
                               @RestQuery String to, @RestQuery String fromTime, @RestQuery String practitionerId,
                               @RestQuery String limit, @RestQuery String cursor) {
        UUID service = QueryParams.uuid("serviceId", serviceId);
        UUID location = QueryParams.uuid("locationId", locationId);
        QueryParams.DateRange dates = QueryParams.dateRange(from, to);
        List<com.needleclinic.shared.Problem.FieldError> missing = new ArrayList<>();
        require(missing, service, "serviceId");
        require(missing, location, "locationId");
        require(missing, dates.from(), "from");
        if (!missing.isEmpty()) {
            throw new InvalidRequestException(missing);
        }
        return this.service.find(service, location, dates.from(), localTime(fromTime), dates.to(),
                QueryParams.uuid("practitionerId", practitionerId), SlotPage.of(limit, cursor));
    }

    /** {@code HH:mm} (or {@code HH:mm:ss}) local time, or null when absent. */
    private static java.time.LocalTime localTime(String raw) {
        if (!QueryParams.present("fromTime", raw)) {
            return null;
        }
        if (!raw.matches("\\d\\d:\\d\\d(:\\d\\d)?")) {
            throw new InvalidRequestException("fromTime", "must be a local time HH:mm");
        }
        try {
            return java.time.LocalTime.parse(raw);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException("fromTime", "must be a local time HH:mm");
        }
    }

    private static void require(List<com.needleclinic.shared.Problem.FieldError> missing, Object value, String name) {
        if (value == null) {
            missing.add(new com.needleclinic.shared.Problem.FieldError(name, "is required"));
        }
    }
}
