package com.needleclinic.scheduling;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
class ScheduleRepository implements PanacheRepositoryBase<ScheduleEntry, UUID> {

    List<ScheduleEntry> ofPractitioner(UUID practitionerId) {
        return list("practitionerId = ?1 order by dayOfWeek, startTime", practitionerId);
    }

    List<ScheduleEntry> atLocation(UUID locationId) {
        return list("locationId = ?1", locationId);
    }

    List<ScheduleEntry> ofPractitioners(java.util.Collection<UUID> practitionerIds) {
        return practitionerIds.isEmpty() ? List.of() : list("practitionerId in ?1", practitionerIds);
    }

    void replace(UUID practitionerId, List<ScheduleEntry> entries) {
        delete("practitionerId", practitionerId);
        persist(entries);
    }
}
