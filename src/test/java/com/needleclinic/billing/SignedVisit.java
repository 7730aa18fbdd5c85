package com.needleclinic.billing;

import com.needleclinic.support.Api;
import com.needleclinic.support.Tokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;

/** A whole visit up to the signed note: the way a claim comes to exist. */
final class SignedVisit {

    /** A zone where it is morning now: the visits happen today, in the next two hours. */
    final ZoneId zone = Api.morningZone();
    final UUID location;
    /** Slots of the next two hours, taken in turn across visits (a patient seen by two practitioners gets two). */
    private static final java.util.concurrent.atomic.AtomicInteger SLOTS = new java.util.concurrent.atomic.AtomicInteger();
    final UUID service;
    final UUID practitioner;

    SignedVisit() {
        Map<String, Object> place = new HashMap<>(Api.locationBody());
        place.put("timeZone", zone.getId());
        location = UUID.fromString(asAdmin().body(place).post("/api/v1/locations").then().statusCode(201)
                .extract().path("id"));
        Map<String, Object> body = Api.serviceBody("IMS");
        body.put("name", "IMS follow-up, 30 min, with \"e-stim\", needles");
        service = UUID.fromString(asAdmin().body(body).post("/api/v1/services").then().statusCode(201).extract().path("id"));
        practitioner = Api.createPractitioner();
        Api.certify(practitioner, "IMS", "2020-01-01", null, "ACTIVE");
        Api.worksEveryDay(practitioner, location, "00:00", "23:59");
    }

    static UUID insuredPatient(UUID insurer) {
        UUID patient = Api.createPatient();
        asAdmin().body(Api.coverageBody(insurer, "2020-01-01", null)).post("/api/v1/patients/{id}/coverages", patient)
                .then().statusCode(201);
        return patient;
    }

    /** Books a visit in the next two hours, checks it in, writes and signs its note; answers the appointment id. */
    String signFor(UUID patient) {
        String[] draft = draftFor(patient);
        as(Tokens.practitioner(practitioner)).post("/api/v1/treatment-notes/{id}/sign", draft[1]).then().statusCode(200);
        return draft[0];
    }

    /** Books today's next visit (at most four per practitioner), checks it in and writes a draft note; answers {appointment id, note id}. */
    String[] draftFor(UUID patient) {
        asAdmin().body(Map.of("modality", "IMS", "givenOn", LocalDate.now().toString()))
                .post("/api/v1/patients/{id}/consents", patient).then().statusCode(201);
        String start = Api.soon(zone, SLOTS.getAndIncrement() % 4);
        String appointment = asAdmin().body(Map.of("patientId", patient.toString(), "practitionerId", practitioner.toString(),
                        "serviceId", service.toString(), "locationId", location.toString(), "start", start))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        asAdmin().post("/api/v1/appointments/{id}/check-in", appointment).then().statusCode(200);
        Map<String, Object> note = new HashMap<>();
        note.put("subjective", "SECRET-CLINICAL-TEXT");
        note.put("needling", Map.of("modality", "IMS",
                "sites", List.of(Map.of("site", "Gluteus medius", "side", "LEFT", "needles", 4, "depthMm", 40,
                        "localTwitchResponse", true, "retentionSeconds", 0)),
                "needlesInserted", 4, "needlesRemoved", 4, "adverseEvents", List.of("NONE")));
        String noteId = as(Tokens.practitioner(practitioner)).body(note)
                .post("/api/v1/appointments/{id}/treatment-note", appointment).then().statusCode(201).extract().path("id");
        return new String[]{appointment, noteId};
    }
}
