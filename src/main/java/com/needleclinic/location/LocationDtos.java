package com.needleclinic.location;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** What clients send and receive for locations. */
public final class LocationDtos {

    private LocationDtos() {
    }

    /** Create body, and the shape a merge patch is applied to. */
    public record LocationRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull @IanaTimeZone String timeZone,
            @NotNull Province province) {
    }

    public record LocationView(UUID id, String name, String timeZone, Province province) {
        static LocationView of(Location location) {
            return new LocationView(location.id(), location.name(), location.zone().getId(), location.province());
        }
    }
}
