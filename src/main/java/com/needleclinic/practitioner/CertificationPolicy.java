package com.needleclinic.practitioner;

import com.needleclinic.shared.DomainException;

import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

/**
 * Rule 1 (docs/rules.md), "certified to book": a service with a needling modality may only be booked
 * with an active practitioner holding an ACTIVE certification of that modality valid on the
 * appointment's local date. Services without a modality only need an active practitioner.
 */
public final class CertificationPolicy {

    private CertificationPolicy() {
    }

    public static void check(Practitioner practitioner, Modality modality, LocalDate localDate) {
        check(practitioner.id(), practitioner.active(),
                practitioner.certifications().stream().map(Certification::terms).toList(), modality, localDate);
    }

    /** The same rule for a practitioner known only by id, activity and certification terms. */
    public static void check(UUID practitionerId, boolean active, Collection<CertificationTerms> certifications,
                             Modality modality, LocalDate localDate) {
        if (!active) {
            throw new PractitionerInactiveException(practitionerId);
        }
        if (modality != null && certifications.stream().noneMatch(c -> c.covers(modality, localDate))) {
            throw new PractitionerNotCertifiedException(practitionerId, modality, localDate);
        }
    }

    public static class PractitionerInactiveException extends DomainException {
        PractitionerInactiveException(UUID practitionerId) {
            super(422, "practitioner-inactive", "Practitioner inactive",
                    "Practitioner " + practitionerId + " is not active");
        }
    }

    public static class PractitionerNotCertifiedException extends DomainException {
        PractitionerNotCertifiedException(UUID practitionerId, Modality modality, LocalDate date) {
            super(422, "practitioner-not-certified", "Practitioner not certified",
                    "Practitioner " + practitionerId + " holds no active " + modality + " certification valid on " + date);
        }
    }
}
