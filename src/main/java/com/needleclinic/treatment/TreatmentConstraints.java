package com.needleclinic.treatment;

import com.needleclinic.shared.KnownConstraints;
import com.needleclinic.shared.Problem;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

@ApplicationScoped
class TreatmentConstraints implements KnownConstraints {

    @Override
    public Map<String, Problem> problemsByConstraint() {
        Problem locked = Problem.of(409, "note-locked", "Note locked", "A signed note and its amendments never change");
        return Map.of(
                "treatment_note_one_per_appointment", TreatmentNoteService.noteExists().toProblem(),
                "treatment_note_signed_immutable", locked,
                "treatment_note_amendment_append_only", locked);
    }
}
