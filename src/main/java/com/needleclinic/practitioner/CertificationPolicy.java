package com.needleclinic.practitioner;

import com.needleclinic.shared.DomainException;

import java.time.LocalDate;

/**
 * Rule 1 of API.md, "certified to book": a service with a needling modality may only be booked
 * with an active practitioner holding an ACTIVE certification of that modality valid on the
 * appointment's local date. Services without a modality only need an active practitioner.
 */
public final class CertificationPolicy {

    private CertificationPolicy() {
    }

    public static void check(Practitioner practitioner, Modality modality, LocalDate localDate) {
        if (!practitioner.active()) {
            throw new PractitionerInactiveException(practitioner);
        }
        if (modality != null && !practitioner.isCertifiedFor(modality, localDate)) {
            throw new PractitionerNotCertifiedException(practitioner, modality, localDate);
        }
    }

    public static class PractitionerInactiveException extends DomainException {
        PractitionerInactiveException(Practitioner practitioner) {
            super(422, "practitioner-inactive", "Practitioner inactive",
                    "Practitioner " + practitioner.id() + " is not active");
        }
    }

    public static class PractitionerNotCertifiedException extends DomainException {
        PractitionerNotCertifiedException(Practitioner practitioner, Modality modality, LocalDate date) {
            super(422, "practitioner-not-certified", "Practitioner not certified",
                    "Practitioner " + practitioner.id() + " holds no active " + modality + " certification valid on " + date);
        }
    }
}
