package com.needleclinic.scheduling;

import com.needleclinic.practitioner.CertificationTerms;
import com.needleclinic.practitioner.Modality;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything rules 1-3 need to decide one booking or move, as read in one round trip: whether the
 * patient exists, the practitioner's activity, certifications and weekly blocks, the service's
 * modality and length, the location's zone, time off overlapping the slot, and whether practitioner
 * or patient already has an open appointment overlapping it; whether a room asked for is at the
 * location, the room the visit would take (null if none is free and suitable), and whether a
 * closure of the location overlaps the slot. A missing
 * reference is {@code null}
 * (or {@code false} for the patient). The rules themselves stay in {@link BookingPolicy} and
 * {@code CertificationPolicy}; this only carries their inputs.
 */
record BookingFacts(boolean patientFound, PractitionerFacts practitioner, ServiceFacts service,
                    LocationFacts location, List<WeeklyBlock> schedule, List<Period> timeOff,
                    boolean practitionerBusy, boolean patientBusy, boolean roomAtLocation, java.util.UUID room,
                    boolean locationClosed) {

    record PractitionerFacts(boolean active, List<CertificationTerms> certifications) {
    }

    /** {@code needsRoom}: the service requires capabilities only a room offers (rooms, docs/rules.md). */
    record ServiceFacts(Modality modality, int durationMinutes, boolean needsRoom) {
        Duration duration() {
            return Duration.ofMinutes(durationMinutes);
        }
    }

    record LocationFacts(String timeZone) {
        ZoneId zone() {
            return ZoneId.of(timeZone);
        }
    }
}
