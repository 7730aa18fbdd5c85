package com.needleclinic.billing;

import com.needleclinic.events.EventEntry;
import com.needleclinic.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a claim's events carry (docs/events.md): ids, the amount and the state of settlement - no
 * policy or member numbers, no names, no service or modality, no adjudication reason (an insurer's
 * free text may quote the chart). An insurer's system reads the claim itself with its own token.
 */
final class ClaimEvents {

    private ClaimEvents() {
    }

    static EventEntry submitted(Claim claim) {
        return of(EventType.CLAIM_SUBMITTED, claim);
    }

    static EventEntry adjudicated(Claim claim) {
        return of(EventType.CLAIM_ADJUDICATED, claim);
    }

    private static EventEntry of(EventType type, Claim claim) {
        ClaimSnapshot s = claim.snapshot();
        return EventEntry.of(type, ClaimService.RESOURCE, claim.id(), claim.patientId(),
                new Data(claim.id(), claim.patientId(), s.appointmentId(), s.noteId(), claim.insurerId(), s.insurerCode(),
                        s.serviceDate(), s.amountCents(), s.currency(), claim.status(), claim.paidCents(),
                        claim.adjudicatedAt()));
    }

    record Data(UUID claimId, UUID patientId, UUID appointmentId, UUID noteId, UUID insurerId, String insurerCode,
                LocalDate serviceDate, long amountCents, String currency, Claim.Status status, Long paidCents,
                Instant adjudicatedAt) {
    }
}
