package com.needleclinic.treatment;

import com.needleclinic.shared.KeysetRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
class TreatmentNoteRepository implements KeysetRepository<TreatmentNote> {

    java.util.Optional<TreatmentNote> forAppointment(UUID appointmentId) {
        return find("appointmentId", appointmentId).firstResultOptional();
    }

    boolean existsForAppointment(UUID appointmentId) {
        return count("appointmentId", appointmentId) > 0;
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
