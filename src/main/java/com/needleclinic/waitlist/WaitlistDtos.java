package com.needleclinic.waitlist;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What clients send and receive for the waitlist (docs/rules.md, "Waitlist and offers"). */
public final class WaitlistDtos {

    private WaitlistDtos() {
    }

    /**
     * A patient waiting for a visit between {@code earliest} and {@code latest} (instants with an
     * offset; an offered visit lies wholly inside); {@code priority} defaults to NORMAL.
     */
    public record WaitlistRequest(@NotNull UUID patientId, @NotNull UUID serviceId, @NotNull UUID locationId,
                                  UUID practitionerId, @NotNull OffsetDateTime earliest,
                                  @NotNull OffsetDateTime latest, WaitlistEntry.Priority priority,
                                  UUID replacesAppointmentId) {

        @AssertTrue(message = "must be after earliest")
        private boolean isLatestAfterEarliest() {
            return earliest == null || latest == null || latest.isAfter(earliest);
        }

        WaitlistEntry.Priority priorityOrDefault() {
            return priority == null ? WaitlistEntry.Priority.NORMAL : priority;
        }
    }

    /** An offer made to the entry: its hold's appointment, when it was made and how it ended. */
    public record OfferView(UUID appointmentId, OffsetDateTime start, WaitlistOffer.Outcome outcome, Instant madeAt,
                            Instant endedAt) {
    }

    /**
     * A waitlist entry. {@code offerAppointmentId}: the hold while OFFERED, the booked visit once
     * FULFILLED; {@code offers}: every offer made to it, oldest first.
     */
    public record WaitlistEntryView(UUID id, UUID patientId, UUID serviceId, UUID locationId, UUID practitionerId,
                                    OffsetDateTime earliest, OffsetDateTime latest, WaitlistEntry.Priority priority,
                                    UUID replacesAppointmentId, WaitlistEntry.Status status, UUID offerAppointmentId,
                                    List<OfferView> offers, Instant createdAt, long version) {
    }
}
