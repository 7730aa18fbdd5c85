package com.needleclinic.room;

import com.needleclinic.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
class RoomRepository implements PanacheRepositoryBase<Room, UUID> {

    List<Room> atLocation(UUID locationId, PageRequest page) {
        return page.after() == null
                ? find("locationId = ?1 order by id", locationId).page(0, page.limit()).list()
                : find("locationId = ?1 and id > ?2 order by id", locationId, page.after()).page(0, page.limit()).list();
    }

    @SuppressWarnings("unchecked")
    List<UUID> suitable(UUID locationId, String capabilities) {
        return getEntityManager().createNativeQuery("select r.id from room r where r.location_id = :location and r.active"
                        + " and string_to_array(r.capabilities, ',') @> string_to_array(:required, ',') order by r.id", UUID.class)
                .setParameter("location", locationId).setParameter("required", capabilities).getResultList();
    }

    boolean nameTakenByOther(UUID locationId, String name, UUID self) {
        return count("locationId = ?1 and lower(name) = lower(?2) and id <> ?3", locationId, name.strip(),
                self == null ? new UUID(0, 0) : self) > 0;
    }
}
