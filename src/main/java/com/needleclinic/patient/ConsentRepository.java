package com.needleclinic.patient;

import com.needleclinic.shared.KeysetRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class ConsentRepository implements KeysetRepository<Consent> {

    Optional<Consent> findOf(UUID patientId, UUID consentId) {
        return find("id = ?1 and patient.id = ?2", consentId, patientId).firstResultOptional();
    }
}
