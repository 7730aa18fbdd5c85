package com.needleclinic.waitlist;

import com.needleclinic.audit.PatientOfResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** Which patient a waitlist entry is about, for the audit row of a refused call on it. */
@ApplicationScoped
class WaitlistPatients implements PatientOfResource {

    private final WaitlistRepository entries;

    WaitlistPatients(WaitlistRepository entries) {
        this.entries = entries;
    }

    @Override
    @Transactional
    public Optional<UUID> patientOf(String resourceType, UUID id) {
        return WaitlistService.RESOURCE.equals(resourceType)
                ? entries.findByIdOptional(id).map(WaitlistEntry::patientId) : Optional.empty();
    }
}
