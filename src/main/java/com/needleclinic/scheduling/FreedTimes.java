package com.needleclinic.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Scheduling's side of {@link FreedTime}: tells every listener, and only about time still to come. */
@ApplicationScoped
class FreedTimes {

    private final Instance<FreedTime> listeners;
    private final Clock clock;

    FreedTimes(Instance<FreedTime> listeners, Clock clock) {
        this.listeners = listeners;
        this.clock = clock;
    }

    void freed(Appointment visit) {
        freed(visit.practitionerId(), visit.locationId(), visit.start(), visit.end());
    }

    void freed(UUID practitionerId, UUID locationId, Instant from, Instant to) {
        Instant now = clock.instant();
        if (!to.isAfter(now)) {
            return;
        }
        Instant start = from.isBefore(now) ? now : from;
        for (FreedTime listener : listeners) {
            listener.freed(practitionerId, locationId, start, to);
        }
    }
}
