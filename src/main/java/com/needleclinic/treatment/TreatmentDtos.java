package com.needleclinic.treatment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What practitioners send and read for treatment notes. Only clinicians ever see these. */
public final class TreatmentDtos {

    private TreatmentDtos() {
    }

    /** The whole note: POST creates the draft, PUT replaces it. Pain is the 0-10 NPRS. */
    public record NoteRequest(
            @Size(max = 10000) String subjective,
            @Size(max = 10000) String objective,
            @Size(max = 10000) String assessment,
            @Size(max = 10000) String plan,
            @Min(0) @Max(10) Integer painBefore,
            @Min(0) @Max(10) Integer painAfter,
            @Valid NeedlingRecord needling) {

        TreatmentNote.Content content() {
            return new TreatmentNote.Content(subjective, objective, assessment, plan, painBefore, painAfter, needling);
        }
    }

    public record AmendmentRequest(@NotBlank @Size(max = 500) String reason, @NotBlank @Size(max = 10000) String text) {
    }

    public record AmendmentView(UUID id, String reason, String text, Instant at, UUID by) {
        static AmendmentView of(Amendment a) {
            return new AmendmentView(a.id(), a.reason(), a.text(), a.at(), a.by());
        }
    }

    public record NoteView(UUID id, UUID appointmentId, TreatmentNote.Status status, String subjective,
                           String objective, String assessment, String plan, Integer painBefore, Integer painAfter,
                           NeedlingRecord needling, Instant signedAt, UUID signedBy, List<AmendmentView> amendments) {
        static NoteView of(TreatmentNote note, List<Amendment> amendments) {
            TreatmentNote.Content c = note.content();
            return new NoteView(note.id(), note.appointmentId(), note.status(), c.subjective(), c.objective(),
                    c.assessment(), c.plan(), c.painBefore(), c.painAfter(), c.needling(), note.signedAt(),
                    note.signedBy(), amendments.stream().map(AmendmentView::of).toList());
        }
    }
}
