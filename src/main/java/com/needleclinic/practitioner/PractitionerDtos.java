package com.needleclinic.practitioner;

import com.needleclinic.location.Province;
import com.needleclinic.shared.OrderedPeriod;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What clients send and receive for practitioners and certifications. */
public final class PractitionerDtos {

    private PractitionerDtos() {
    }

    /**
     * Create body, and the shape a merge patch is applied to. {@code active} defaults to true;
     * {@code identitySubject} is the identity provider's subject that acts as this practitioner
     * (docs/security.md, "Identity providers"), null for none.
     */
    public record PractitionerRequest(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull Discipline discipline,
            @NotBlank @Size(max = 50) String registrationNumber,
            @NotBlank @Size(max = 200) String registrationBody,
            @NotNull Province province,
            Boolean active,
            @Size(min = 1, max = 255) @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with a space")
            String identitySubject) {

        public PractitionerRequest {
            active = active == null || active;
        }

        Practitioner.Profile profile() {
            return new Practitioner.Profile(firstName, lastName, discipline, registrationNumber, registrationBody, province);
        }
    }

    public record PractitionerView(UUID id, String firstName, String lastName, Discipline discipline,
                                   String registrationNumber, String registrationBody, Province province,
                                   boolean active, String identitySubject) {
        static PractitionerView of(Practitioner p) {
            return new PractitionerView(p.id(), p.firstName(), p.lastName(), p.discipline(), p.registrationNumber(),
                    p.registrationBody(), p.province(), p.active(), p.identitySubject());
        }

        PractitionerRequest asRequest() {
            return new PractitionerRequest(firstName, lastName, discipline, registrationNumber, registrationBody,
                    province, active, identitySubject);
        }
    }

    /** Create body, and the shape a merge patch is applied to. {@code status} defaults to ACTIVE. */
    @OrderedPeriod
    public record CertificationRequest(
            @NotNull Modality modality,
            @NotBlank @Size(max = 200) String issuingBody,
            @NotBlank @Size(max = 100) String credentialNumber,
            @NotNull LocalDate validFrom,
            LocalDate validUntil,
            CertificationStatus status) implements OrderedPeriod.Period {

        public CertificationRequest {
            status = status == null ? CertificationStatus.ACTIVE : status;
        }

        Certification.Credential credential() {
            return new Certification.Credential(issuingBody, credentialNumber, validFrom, validUntil);
        }
    }

    public record CertificationView(UUID id, Modality modality, String issuingBody, String credentialNumber,
                                    LocalDate validFrom, LocalDate validUntil, CertificationStatus status) {
        static CertificationView of(Certification c) {
            return new CertificationView(c.id(), c.modality(), c.issuingBody(), c.credentialNumber(), c.validFrom(),
                    c.validUntil(), c.status());
        }

        CertificationRequest asRequest() {
            return new CertificationRequest(modality, issuingBody, credentialNumber, validFrom, validUntil, status);
        }
    }

    /** A changed certification, with the future appointments it no longer covers. */
    public record CertificationChangeView(UUID id, Modality modality, String issuingBody, String credentialNumber,
                                          LocalDate validFrom, LocalDate validUntil, CertificationStatus status,
                                          List<UUID> affectedAppointmentIds) {
        static CertificationChangeView of(Certification c, List<UUID> affected) {
            return new CertificationChangeView(c.id(), c.modality(), c.issuingBody(), c.credentialNumber(),
                    c.validFrom(), c.validUntil(), c.status(), List.copyOf(affected));
        }
    }
}
