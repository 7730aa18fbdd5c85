package com.needleclinic.patient;

import com.needleclinic.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    List<Consent> page(UUID patientId, PageRequest page) {
        var query = page.after() == null
                ? find("patient.id = ?1 order by id", patientId)
                : find("patient.id = ?1 and id > ?2 order by id", patientId, page.after());
        return query.range(0, page.limit() - 1).list();
    }

    Optional<Consent> findOf(UUID patientId, UUID consentId) {
        return find("id = ?1 and patient.id = ?2", consentId, patientId).firstResultOptional();
    }
}
