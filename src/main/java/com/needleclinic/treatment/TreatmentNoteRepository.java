package com.needleclinic.treatment;

import com.needleclinic.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
class TreatmentNoteRepository implements PanacheRepositoryBase<TreatmentNote, UUID> {

    boolean existsForAppointment(UUID appointmentId) {
        return count("appointmentId", appointmentId) > 0;
    }

    List<TreatmentNote> ofPatient(UUID patientId, PageRequest page) {
        var query = page.after() == null
                ? find("patientId = ?1 order by id", patientId)
                : find("patientId = ?1 and id > ?2 order by id", patientId, page.after());
        return query.range(0, page.limit() - 1).list();
    }

    List<Amendment> amendments(UUID noteId) {
        return getEntityManager().createQuery("from Amendment where noteId = :note order by id", Amendment.class)
                .setParameter("note", noteId).getResultList();
    }

    Map<UUID, List<Amendment>> amendments(Collection<UUID> noteIds) {
        if (noteIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("from Amendment where noteId in :notes order by id", Amendment.class)
                .setParameter("notes", noteIds).getResultList().stream()
                .collect(Collectors.groupingBy(a -> a.noteId()));
    }

    void append(Amendment amendment) {
        getEntityManager().persist(amendment);
    }
}
