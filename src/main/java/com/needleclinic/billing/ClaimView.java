package com.needleclinic.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A claim as insurers see it: billing facts only, never clinical content. */
public record ClaimView(UUID id, UUID insurerId, Claim.Status status, LocalDate serviceDate, PatientPart patient,
                        String policyNumber, String memberId, String relationship, PractitionerPart practitioner,
                        ServicePart service, long amountCents, String currency, UUID appointmentId,
                        Adjudication adjudication) {

    public record PatientPart(String firstName, String lastName, LocalDate dateOfBirth) {
    }

    public record PractitionerPart(String name, String discipline, String registrationNumber, String province) {
    }

    public record ServicePart(String name, String billingCode, String modality) {
    }

    /** Null until the insurer adjudicates. */
    public record Adjudication(Long paidCents, String reason, Instant at) {
    }

    static ClaimView of(UUID id, UUID insurerId, Claim.Status status, ClaimSnapshot s, Adjudication adjudication) {
        return new ClaimView(id, insurerId, status, s.serviceDate(),
                new PatientPart(s.patientFirstName(), s.patientLastName(), s.patientDateOfBirth()),
                s.policyNumber(), s.memberId(), s.relationship(),
                new PractitionerPart(s.practitionerName(), s.practitionerDiscipline(), s.practitionerRegistrationNumber(),
                        s.practitionerProvince()),
                new ServicePart(s.serviceName(), s.billingCode(), s.modality()),
                s.amountCents(), s.currency(), s.appointmentId(), adjudication);
    }

    static ClaimView of(Claim claim) {
        Adjudication adjudication = claim.adjudicatedAt() == null ? null
                : new Adjudication(claim.paidCents(), claim.adjudicationReason(), claim.adjudicatedAt());
        return of(claim.id(), claim.insurerId(), claim.status(), claim.snapshot(), adjudication);
    }
}
