package com.needleclinic.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A claim as insurers see it: billing facts only, never clinical content. */
public record ClaimView(UUID id, UUID insurerId, String insurerCode, Claim.Status status, LocalDate serviceDate,
                        PatientPart patient, String policyNumber, String memberId, String relationship,
                        PractitionerPart practitioner, LocationPart location, ServicePart service, long amountCents,
                        String currency, UUID appointmentId, Instant submittedAt, Adjudication adjudication) {

    public record PatientPart(String firstName, String lastName, LocalDate dateOfBirth) {
    }

    /** The practitioner who treated, with their regulatory college and the number it gave them. */
    public record PractitionerPart(String name, String discipline, String registrationNumber, String registrationBody,
                                   String province) {
    }

    /** The clinic location that delivered the service; it is also the billing organisation. */
    public record LocationPart(String name, String province) {
    }

    public record ServicePart(String name, String billingCode, String modality) {
    }

    /** Null until the insurer adjudicates: the outcome, what was paid, the insurer's reason, when. */
    public record Adjudication(Claim.Status outcome, Long paidCents, String reason, Instant at) {
    }

    static ClaimView of(UUID id, Claim.Status status, ClaimSnapshot s, Instant submittedAt, Adjudication adjudication) {
        return new ClaimView(id, s.insurerId(), s.insurerCode(), status, s.serviceDate(),
                new PatientPart(s.patientFirstName(), s.patientLastName(), s.patientDateOfBirth()),
                s.policyNumber(), s.memberId(), s.relationship(),
                new PractitionerPart(s.practitionerName(), s.practitionerDiscipline(), s.practitionerRegistrationNumber(),
                        s.practitionerRegistrationBody(), s.practitionerProvince()),
                new LocationPart(s.locationName(), s.locationProvince()),
                new ServicePart(s.serviceName(), s.billingCode(), s.modality()),
                s.amountCents(), s.currency(), s.appointmentId(), submittedAt, adjudication);
    }

    static ClaimView of(Claim claim) {
        Adjudication adjudication = claim.adjudicatedAt() == null ? null
                : new Adjudication(claim.status(), claim.paidCents(), claim.adjudicationReason(), claim.adjudicatedAt());
        return of(claim.id(), claim.status(), claim.snapshot(), claim.createdAt(), adjudication);
    }
}
