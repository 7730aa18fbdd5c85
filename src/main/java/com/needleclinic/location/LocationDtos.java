package com.needleclinic.location;

import com.needleclinic.shared.ContactFormats;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
            @NotNull Province province,
            @Valid LocationAddress address,
            @Size(max = 30) @Pattern(regexp = ContactFormats.PHONE, message = "must be a phone number") String phone,
            @Size(max = 20) @Pattern(regexp = "[0-9]{9}( ?[A-Z]{2} ?[0-9]{4})?",
                    message = "must be a CRA business number (123456789, or 123456789 RT 0001)") String businessNumber,
            @Valid OfferHoursBody offerHours) {

        // Absent or null on create means 08:00-20:00; a merge patch's null comes back with it, and
        // MergePatch refuses that.
        public LocationRequest {
            offerHours = offerHours == null ? OfferHoursBody.of(OfferHours.DEFAULT) : offerHours;
        }

        LocationRequest normalized() {
            return new LocationRequest(name, timeZone, province, address == null ? null : address.normalized(),
                    phone == null || phone.isBlank() ? null : phone.strip(),
                    businessNumber == null ? null : businessNumber.replace(" ", ""), offerHours);
        }
    }

    /** Local hours {@code HH:mm}, start before end; equal start and end mean at any hour. */
    public record OfferHoursBody(
            @NotNull @com.fasterxml.jackson.databind.annotation.JsonSerialize(
                    using = com.fasterxml.jackson.databind.ser.std.ToStringSerializer.class) java.time.LocalTime start,
            @NotNull @com.fasterxml.jackson.databind.annotation.JsonSerialize(
                    using = com.fasterxml.jackson.databind.ser.std.ToStringSerializer.class) java.time.LocalTime end) {
        static OfferHoursBody of(OfferHours hours) {
            return new OfferHoursBody(hours.start(), hours.end());
        }

        @jakarta.validation.constraints.AssertTrue(message = "must be after start (or equal to it: at any hour)")
        private boolean isEnd() {
            return start == null || end == null || !end.isBefore(start);
        }

        OfferHours hours() {
            return new OfferHours(start, end);
        }
    }

    /** Where the clinic is: in its location's province, so the province is not repeated here. */
    public record LocationAddress(@NotBlank @Size(max = 200) String line1, @Size(max = 200) String line2,
                                  @NotBlank @Size(max = 100) String city,
                                  @NotNull @Pattern(regexp = ContactFormats.POSTAL_CODE, message = ContactFormats.POSTAL_CODE_MESSAGE)
                                  String postalCode) {
        LocationAddress normalized() {
            return new LocationAddress(line1.strip(), line2 == null || line2.isBlank() ? null : line2.strip(),
                    city.strip(), ContactFormats.postalCode(postalCode));
        }
    }

    public record LocationView(UUID id, String name, String timeZone, Province province, LocationAddress address,
                               String phone, String businessNumber, OfferHoursBody offerHours) {
        static LocationView of(Location location) {
            return new LocationView(location.id(), location.name(), location.zone().getId(), location.province(),
                    location.address(), location.phone(), location.businessNumber(),
                    OfferHoursBody.of(location.offerHours()));
        }

        LocationRequest asRequest() {
            return new LocationRequest(name, timeZone, province, address, phone, businessNumber, offerHours);
        }
    }
}
