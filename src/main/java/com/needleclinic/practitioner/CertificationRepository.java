package com.needleclinic.practitioner;

import com.needleclinic.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class CertificationRepository implements PanacheRepositoryBase<Certification, UUID> {

    List<Certification> page(UUID practitionerId, PageRequest page) {
        var query = page.after() == null
                ? find("practitioner.id = ?1 order by id", practitionerId)
                : find("practitioner.id = ?1 and id > ?2 order by id", practitionerId, page.after());
        return query.range(0, page.limit() - 1).list();
    }

    Optional<Certification> findOf(UUID practitionerId, UUID certificationId) {
        return find("id = ?1 and practitioner.id = ?2", certificationId, practitionerId).firstResultOptional();
    }
}
