package com.needleclinic.insurer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** What clients send and receive for insurers. */
public final class InsurerDtos {

    private InsurerDtos() {
    }

    /** The most API clients one insurer links. */
    static final int MAX_CLIENT_SUBJECTS = 20;

    /**
     * Create body, and the shape a merge patch is applied to. {@code clientSubjects} are the
     * identity provider's subjects of the insurer's API clients (docs/security.md, "Identity
     * providers"); absent or null means none.
     */
    public record InsurerRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, '-' and '_' only")
            String code,
            @Size(max = MAX_CLIENT_SUBJECTS) List<@NotNull @Size(min = 1, max = 255)
                    @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with a space") String>
                    clientSubjects) {

        public InsurerRequest {
            clientSubjects = clientSubjects == null ? List.of() : clientSubjects;
        }
    }

    public record InsurerView(UUID id, String name, String code, List<String> clientSubjects) {
        static InsurerView of(Insurer insurer) {
            return new InsurerView(insurer.id(), insurer.name(), insurer.code(), insurer.clientSubjects());
        }
    }
}
