package com.needleclinic.patient;

import com.needleclinic.location.Province;
import com.needleclinic.practitioner.Modality;
import com.needleclinic.shared.OrderedPeriod;
import com.needleclinic.shared.ContactFormats;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Locale;
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
            @Size(max = 30) @Pattern(regexp = ContactFormats.PHONE, message = "must be a phone number") String phone,
            @Valid Address address,
            @Valid HealthNumber healthNumber,
            @Valid EmergencyContact emergencyContact,
            Boolean confirmDuplicate) {

        Patient.Demographics demographics() {
            return new Patient.Demographics(firstName, lastName, dateOfBirth, email, phone,
                    address == null ? null : address.normalized(), healthNumber == null ? null : healthNumber.normalized(),
                    emergencyContact == null ? null : emergencyContact.normalized());
        }

        @jakarta.validation.constraints.AssertTrue(message = "must not be before 1900-01-01")
        private boolean isDateOfBirthPlausible() {
            return dateOfBirth == null || !dateOfBirth.isBefore(LocalDate.of(1900, 1, 1));
        }
    }

    /** A Canadian postal address; the postal code is stored as {@code A1A 1A1}. */
    public record Address(@NotBlank @Size(max = 200) String line1, @Size(max = 200) String line2,
                          @NotBlank @Size(max = 100) String city, @NotNull Province province,
                          @NotNull @Pattern(regexp = ContactFormats.POSTAL_CODE, message = ContactFormats.POSTAL_CODE_MESSAGE) String postalCode) {
        Address normalized() {
            return new Address(line1.strip(), line2 == null || line2.isBlank() ? null : line2.strip(), city.strip(),
                    province, ContactFormats.postalCode(postalCode));
        }
    }

    /**
     * A provincial health number. Stored upper-case without spaces or dashes, so one number is
     * one value whichever way it was typed; a province holds each number once (409).
     */
    public record HealthNumber(@NotNull Province province,
                               @NotNull @Pattern(regexp = "[A-Za-z0-9 -]{4,30}",
                                       message = "must be 4-20 letters and digits (spaces and dashes are ignored)")
                               String number) {
        HealthNumber normalized() {
            return new HealthNumber(province, compact(number));
        }

        @AssertTrue(message = "must be 4-20 letters and digits (spaces and dashes are ignored)")
        private boolean isNumberLength() {
            return number == null || compact(number).length() >= 4 && compact(number).length() <= 20;
        }

        private static String compact(String number) {
            return number.replaceAll("[ -]", "").toUpperCase(Locale.ROOT);
        }
    }

    /** Whom to call in an emergency. */
    public record EmergencyContact(@NotBlank @Size(max = 200) String name,
                                   @NotNull @Size(max = 30) @Pattern(regexp = ContactFormats.PHONE, message = "must be a phone number") String phone,
                                   @Size(max = 50) String relationship) {
        EmergencyContact normalized() {
            return new EmergencyContact(name.strip(), phone.strip(),
                    relationship == null || relationship.isBlank() ? null : relationship.strip());
        }
    }

    public record PatientView(UUID id, String firstName, String lastName, LocalDate dateOfBirth, String email,
                              String phone, Address address, HealthNumber healthNumber,
                              EmergencyContact emergencyContact) {
        static PatientView of(Patient p) {
            return new PatientView(p.id(), p.firstName(), p.lastName(), p.dateOfBirth(), p.email(), p.phone(),
                    p.address(), p.healthNumber(), p.emergencyContact());
        }

        PatientRequest asRequest() {
            return new PatientRequest(firstName, lastName, dateOfBirth, email, phone, address, healthNumber,
                    emergencyContact, null);
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
