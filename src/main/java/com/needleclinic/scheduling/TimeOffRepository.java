package com.needleclinic.scheduling;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class TimeOffRepository implements PanacheRepositoryBase<TimeOff, UUID> {

    List<TimeOff> overlapping(Collection<UUID> practitionerIds, Instant from, Instant to) {
        if (practitionerIds.isEmpty()) {
            return List.of();
        }
        return list("practitionerId in ?1 and startAt < ?2 and endAt > ?3", practitionerIds, to, from);
    }

    List<TimeOff> upcoming(UUID practitionerId, Instant now) {
        return list("practitionerId = ?1 and endAt > ?2 order by startAt", practitionerId, now);
    }
}
