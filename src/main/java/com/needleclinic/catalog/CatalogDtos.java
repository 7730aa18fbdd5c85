package com.needleclinic.catalog;

import com.needleclinic.practitioner.Modality;
import com.needleclinic.room.Capabilities;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** What clients send and receive for services. */
public final class CatalogDtos {

    private CatalogDtos() {
    }

    /**
     * Create body, and the shape a merge patch is applied to. Durations are whole multiples of five
     * minutes (the booking grid is 15 minutes, services are sold in 5-minute steps); prices are
     * integer cents. {@code currency} defaults to CAD, the only currency accepted today.
     */
    public record ServiceRequest(
            @NotBlank @Size(max = 200) String name,
            Modality modality,
            @NotNull @Min(5) @Max(ClinicService.LONGEST_MINUTES) Integer durationMinutes,
            @NotNull @Min(0) @Max(100_000_000) Long priceCents,
            @Pattern(regexp = "CAD", message = "must be CAD") String currency,
            @NotBlank @Size(max = 32) String billingCode,
            List<String> requiredCapabilities) {

        // On create, absent or null means the default. A merge patch's null on either comes back
        // with the default, and MergePatch refuses that: 400, the stored value kept.
        public ServiceRequest {
            currency = currency == null ? "CAD" : currency;
            requiredCapabilities = requiredCapabilities == null ? List.of() : requiredCapabilities;
        }

        @jakarta.validation.constraints.AssertTrue(message = "must be a multiple of 5")
        private boolean isDurationMinutesStep() {
            return durationMinutes == null || durationMinutes % 5 == 0;
        }

        ClinicService.Terms terms() {
            return new ClinicService.Terms(name, modality, durationMinutes, priceCents, currency, billingCode,
                    Capabilities.of("requiredCapabilities", requiredCapabilities));
        }
    }

    public record ServiceView(UUID id, String name, Modality modality, int durationMinutes, long priceCents,
                              String currency, String billingCode, List<String> requiredCapabilities) {
        static ServiceView of(ClinicService s) {
            return new ServiceView(s.id(), s.name(), s.modality(), s.durationMinutes(), s.priceCents(), s.currency(),
                    s.billingCode(), s.requiredCapabilities());
        }

        ServiceRequest asRequest() {
            return new ServiceRequest(name, modality, durationMinutes, priceCents, currency, billingCode,
                    requiredCapabilities);
        }
    }
}
