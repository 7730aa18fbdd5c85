package com.needleclinic.waitlist;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
class WaitlistOfferRepository implements PanacheRepositoryBase<WaitlistOffer, UUID> {

    List<WaitlistOffer> ofEntry(UUID entryId) {
        return list("entryId = ?1 order by madeAt", entryId);
    }

    /** The offers of a page of entries in one query, by entry, oldest first. */
    Map<UUID, List<WaitlistOffer>> ofEntries(Collection<UUID> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        return list("entryId in ?1 order by madeAt", entryIds).stream()
                .collect(Collectors.groupingBy(WaitlistOffer::entryId));
    }
}
