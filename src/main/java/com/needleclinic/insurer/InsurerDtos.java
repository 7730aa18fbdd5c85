package com.needleclinic.insurer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** What clients send and receive for insurers. */
public final class InsurerDtos {

    private InsurerDtos() {
    }

    /** Create body, and the shape a merge patch is applied to. */
    public record InsurerRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, '-' and '_' only")
            String code) {
    }

    public record InsurerView(UUID id, String name, String code) {
        static InsurerView of(Insurer insurer) {
            return new InsurerView(insurer.id(), insurer.name(), insurer.code());
        }
    }
}
