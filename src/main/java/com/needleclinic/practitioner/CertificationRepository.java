package com.needleclinic.practitioner;

import com.needleclinic.shared.KeysetRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class CertificationRepository implements KeysetRepository<Certification> {

    Optional<Certification> findOf(UUID practitionerId, UUID certificationId) {
        return find("id = ?1 and practitioner.id = ?2", certificationId, practitionerId).firstResultOptional();
    }
}
