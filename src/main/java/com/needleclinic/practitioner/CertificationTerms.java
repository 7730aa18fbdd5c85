package com.needleclinic.practitioner;

import java.time.LocalDate;

/**
 * What rule 1 needs to know of one certification: its modality, status and inclusive validity
 * period. Booking reads these without loading the practitioner (one round trip for all its facts).
 */
public record CertificationTerms(Modality modality, CertificationStatus status, LocalDate validFrom,
                                 LocalDate validUntil) {

    /**
     * Whether the credential authorises {@code wanted} on the local date {@code date}: it must be
     * of that modality, ACTIVE, and valid on that day (both ends of the period inclusive).
     */
    public boolean covers(Modality wanted, LocalDate date) {
        return modality == wanted
                && status == CertificationStatus.ACTIVE
                && !date.isBefore(validFrom)
                && (validUntil == null || !date.isAfter(validUntil));
    }
}
