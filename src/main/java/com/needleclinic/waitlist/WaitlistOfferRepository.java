package com.needleclinic.waitlist;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
class WaitlistOfferRepository implements PanacheRepositoryBase<WaitlistOffer, UUID> {

    List<WaitlistOffer> ofEntry(UUID entryId) {
        return list("entryId = ?1 order by madeAt", entryId);
    }
}
