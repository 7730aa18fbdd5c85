package com.needleclinic.billing;

import com.needleclinic.support.Api;
import com.needleclinic.support.Feed;
import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing transaction announces everything it changes, in the order it changed it, and no
 * event carries the chart: the visit completed, the note signed, the claim submitted.
 */
@QuarkusTest
class VisitEventsTest {

    @Inject
    AgroalDataSource db;

    @Test
    void signing_announces_the_completed_visit_the_signed_note_and_the_claim_without_clinical_text() {
        long head = Feed.head(db);
        SignedVisit visit = new SignedVisit();
        UUID insurer = Api.createInsurer();
        UUID patient = SignedVisit.insuredPatient(insurer);
        String[] draft = visit.draftFor(patient);
        as(Tokens.practitioner(visit.practitioner)).post("/api/v1/treatment-notes/{id}/sign", draft[1]).then().statusCode(200);
        as(Tokens.practitioner(visit.practitioner)).body(Map.of("reason", "AMENDMENT-REASON", "text", "AMENDMENT-TEXT"))
                .post("/api/v1/treatment-notes/{id}/amendments", draft[1]).then().statusCode(201);
        String claim = as(Tokens.insurer(insurer)).get("/api/v1/claims").then().statusCode(200).extract().path("items[0].id");
        as(Tokens.insurer(insurer)).body(Map.of("outcome", "REJECTED", "reason", "INSURER-REASON-TEXT"))
                .post("/api/v1/claims/{id}/adjudication", claim).then().statusCode(200);

        List<Map<String, Object>> events = Feed.await(head, e -> patient.toString().equals(e.get("patientId")), 8);
        assertThat(Feed.types(events)).containsExactly("patient.created", "appointment.booked", "appointment.checked_in",
                "appointment.completed", "treatment_note.signed", "claim.submitted", "treatment_note.amended",
                "claim.adjudicated");
        assertThat(events.toString()).doesNotContain("SECRET-CLINICAL-TEXT").doesNotContain("AMENDMENT")
                .doesNotContain("INSURER-REASON").doesNotContain("Gluteus").doesNotContain("depthMm");
        // The service's name is there, for reminders (docs/events.md); the note's needling record is not.
        assertThat(Feed.data(events.get(4))).containsEntry("noteId", draft[1]).containsEntry("appointmentId", draft[0]);
        assertThat(Feed.data(events.get(7))).containsEntry("claimId", claim).containsEntry("status", "REJECTED");
    }
}
