package com.needleclinic.billing;

import com.needleclinic.audit.PatientOfResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** Which patient a claim is about, for the audit row of a refused call on it. */
@ApplicationScoped
class ClaimPatients implements PatientOfResource {

    private final ClaimRepository claims;

    ClaimPatients(ClaimRepository claims) {
        this.claims = claims;
    }

    @Override
    @Transactional
    public Optional<UUID> patientOf(String resourceType, UUID id) {
        return ClaimService.RESOURCE.equals(resourceType)
                ? claims.findByIdOptional(id).map(Claim::patientId) : Optional.empty();
    }
}
