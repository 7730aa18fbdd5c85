package com.needleclinic.patient;

import com.needleclinic.practitioner.Modality;
import com.needleclinic.shared.OrderedPeriod;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** What clients send and receive for patients, coverages and consents. */
public final class PatientDtos {

    private PatientDtos() {
    }

    /**
     * Create body, and the shape a merge patch is applied to. {@code confirmDuplicate: true}
     * creates the patient even when one with the same name and date of birth exists.
     */
    public record PatientRequest(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull @PastOrPresent LocalDate dateOfBirth,
            @Email @Size(max = 254) String email,
            @Size(max = 30) @Pattern(regexp = "\\+?[0-9 ().-]{7,30}", message = "must be a phone number") String phone,
            Boolean confirmDuplicate) {

        Patient.Demographics demographics() {
            return new Patient.Demographics(firstName, lastName, dateOfBirth, email, phone);
        }

        @jakarta.validation.constraints.AssertTrue(message = "must not be before 1900-01-01")
        private boolean isDateOfBirthPlausible() {
            return dateOfBirth == null || !dateOfBirth.isBefore(LocalDate.of(1900, 1, 1));
        }
    }

    public record PatientView(UUID id, String firstName, String lastName, LocalDate dateOfBirth, String email,
                              String phone) {
        static PatientView of(Patient p) {
            return new PatientView(p.id(), p.firstName(), p.lastName(), p.dateOfBirth(), p.email(), p.phone());
        }

        PatientRequest asRequest() {
            return new PatientRequest(firstName, lastName, dateOfBirth, email, phone, null);
        }
    }

    @OrderedPeriod
    public record CoverageRequest(
            @NotNull UUID insurerId,
            @NotBlank @Size(max = 50) String policyNumber,
            @NotBlank @Size(max = 50) String memberId,
            @NotNull Relationship relationship,
            @NotNull LocalDate validFrom,
            LocalDate validUntil) implements OrderedPeriod.Period {

        Coverage.Plan plan() {
            return new Coverage.Plan(insurerId, policyNumber, memberId, relationship, validFrom, validUntil);
        }
    }

    public record CoverageView(UUID id, UUID insurerId, String policyNumber, String memberId, Relationship relationship,
                               LocalDate validFrom, LocalDate validUntil) {
        static CoverageView of(Coverage c) {
            return new CoverageView(c.id(), c.insurerId(), c.policyNumber(), c.memberId(), c.relationship(),
                    c.validFrom(), c.validUntil());
        }
    }

    public record ConsentRequest(@NotNull Modality modality, @NotNull @PastOrPresent LocalDate givenOn) {
    }

    public record WithdrawalRequest(@NotNull LocalDate withdrawnOn) {
    }

    public record ConsentView(UUID id, Modality modality, LocalDate givenOn, LocalDate withdrawnOn) {
        static ConsentView of(Consent c) {
            return new ConsentView(c.id(), c.modality(), c.givenOn(), c.withdrawnOn());
        }
    }
}
