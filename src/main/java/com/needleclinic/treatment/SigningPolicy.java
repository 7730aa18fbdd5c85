package com.needleclinic.treatment;

import com.needleclinic.practitioner.Modality;
import com.needleclinic.shared.DomainException;

/**
 * Rule 5 (docs/rules.md) at signing. Every needle that went in must have come out (a retained needle is
 * a reportable safety event), and needling needs the patient's informed consent for that
 * modality on the session date.
 */
final class SigningPolicy {

    private SigningPolicy() {
    }

    static void check(NeedlingRecord needling, Modality serviceModality, boolean patientConsents) {
        if (needling != null && !needling.allNeedlesRemoved()) {
            throw new NeedleCountMismatchException(needling);
        }
        if (serviceModality != null && !patientConsents) {
            throw new ConsentRequiredException(serviceModality);
        }
    }

    /** A needling record must describe the service's own modality; a service without one has none. */
    static void checkModality(NeedlingRecord needling, Modality serviceModality) {
        Modality recorded = needling == null ? null : needling.modality();
        if (needling != null && recorded != serviceModality) {
            throw new NeedlingModalityMismatchException(recorded, serviceModality);
        }
    }

    static class NeedleCountMismatchException extends DomainException {
        NeedleCountMismatchException(NeedlingRecord needling) {
            super(422, "needle-count-mismatch", "Needle count mismatch", needling.needlesInserted()
                    + " needles were inserted but " + needling.needlesRemoved() + " removed");
        }
    }

    static class ConsentRequiredException extends DomainException {
        ConsentRequiredException(Modality modality) {
            super(422, "consent-required", "Consent required",
                    "The patient has no " + modality + " consent on file for the session date");
        }
    }

    static class NeedlingModalityMismatchException extends DomainException {
        NeedlingModalityMismatchException(Modality recorded, Modality service) {
            super(422, "needling-modality-mismatch", "Needling modality mismatch", "The needling record is for "
                    + recorded + " but the service is " + (service == null ? "not a needling service" : service));
        }
    }
}
