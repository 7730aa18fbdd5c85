package com.needleclinic.practitioner;

import com.needleclinic.shared.KeysetRepository;
import com.needleclinic.shared.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
class PractitionerRepository implements KeysetRepository<Practitioner> {

    private static final String CERTIFIED_ON = """
            active = true and exists (select 1 from Certification c where c.practitioner = p and c.modality = :modality
              and c.status = CertificationStatus.ACTIVE and c.validFrom <= :on and (c.validUntil is null or c.validUntil >= :on))""";

    /** Active practitioners who may perform {@code modality} on {@code on}. */
    List<Practitioner> certifiedOn(Modality modality, LocalDate on, PageRequest page) {
        Parameters params = Parameters.with("modality", modality).and("on", on);
        String where = "from Practitioner p where " + CERTIFIED_ON;
        if (page.after() != null) {
            where += " and p.id > :after";
            params = params.and("after", page.after());
        }
        return find(where + " order by p.id", params).range(0, page.limit() - 1).list();
    }
}
