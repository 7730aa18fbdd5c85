package com.needleclinic.waitlist;

import com.needleclinic.events.EventEntry;
import com.needleclinic.events.EventType;
import com.needleclinic.scheduling.HoldService.Hold;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What an offer's events carry (docs/events.md): ids, the held slot and until when it is held, in
 * the location's offset, so reminder software can text the patient - no names, no contact data.
 */
final class WaitlistEvents {

    private WaitlistEvents() {
    }

    static EventEntry of(EventType type, WaitlistEntry entry, Hold hold, WaitlistOffer.Outcome outcome) {
        return EventEntry.of(type, WaitlistService.RESOURCE, entry.id(), entry.patientId(),
                new Data(entry.id(), hold.appointmentId(), entry.patientId(), hold.practitionerId(), hold.serviceId(),
                        hold.locationId(), hold.roomId(), hold.start(), hold.end(), hold.offerExpiresAt(),
                        entry.priority(), outcome, entry.replacesAppointmentId()));
    }

    record Data(UUID waitlistEntryId, UUID appointmentId, UUID patientId, UUID practitionerId, UUID serviceId,
                UUID locationId, UUID roomId, OffsetDateTime start, OffsetDateTime end, OffsetDateTime offerExpiresAt,
                WaitlistEntry.Priority priority, WaitlistOffer.Outcome outcome, UUID replacesAppointmentId) {
    }
}
