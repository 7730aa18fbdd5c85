package com.needleclinic.treatment;

import com.needleclinic.audit.PatientOfResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** Which patient a treatment note is about, for the audit row of a refused call on it. */
@ApplicationScoped
class NotePatients implements PatientOfResource {

    private final TreatmentNoteRepository notes;

    NotePatients(TreatmentNoteRepository notes) {
        this.notes = notes;
    }

    @Override
    @Transactional
    public Optional<UUID> patientOf(String resourceType, UUID id) {
        return TreatmentNoteService.RESOURCE.equals(resourceType)
                ? notes.findByIdOptional(id).map(TreatmentNote::patientId) : Optional.empty();
    }
}
