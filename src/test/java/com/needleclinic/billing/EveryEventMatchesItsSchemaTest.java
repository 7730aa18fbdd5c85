package com.needleclinic.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.needleclinic.support.Api;
import com.needleclinic.support.Feed;
import com.needleclinic.support.Tokens;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clinic's day through the API - registrations, bookings, moves, cancellations, a signed and
 * claimed visit, an amendment, an adjudication, a course, a room, a suspended certification, a
 * waitlist offer declined - and then every event it wrote, validated with a JSON Schema 2020-12
 * validator against {@code Event} in openapi.yaml (the discriminated {@code oneOf} a generated
 * client types payloads by), and every key of every {@code data} declared by its type's schema.
 * Here because {@link SignedVisit}, the way a claim comes to exist, lives in billing.
 */
@QuarkusTest
class EveryEventMatchesItsSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    @Test
    void every_event_of_a_day_is_valid_against_its_types_schema_and_declares_every_field() throws Exception {
        long head = Feed.head(db);
        day();
        List<Map<String, Object>> events = Feed.after(head);

        JsonNode contract = new ObjectMapper(new YAMLFactory()).readTree(new File("openapi.yaml"));
        ObjectNode root = contract.deepCopy();
        root.put("$ref", "#/components/schemas/Event");
        Schema event = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root);
        JsonNode mapping = contract.at("/components/schemas/Event/discriminator/mapping");

        Set<String> types = new TreeSet<>();
        for (Map<String, Object> raw : events) {
            JsonNode node = JSON.valueToTree(raw);
            String type = node.get("type").asText();
            types.add(type);
            List<Error> errors = event.validate(node);
            assertThat(errors).as("%s %s", type, node).isEmpty();
            String family = mapping.get(type).asText().substring("#/components/schemas/".length());
            String data = contract.at("/components/schemas/" + family + "/allOf/1/properties/data/$ref").asText()
                    .substring("#/components/schemas/".length());
            JsonNode declared = contract.at("/components/schemas/" + data + "/properties");
            for (Iterator<String> keys = node.get("data").fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                assertThat(declared.has(key)).as("%s.data.%s is declared in %s", type, key, data).isTrue();
            }
        }
        assertThat(types).contains("patient.created", "patient.updated", "appointment.booked", "appointment.rescheduled",
                "appointment.cancelled", "appointment.checked_in", "appointment.completed", "appointment.needs_attention",
                "treatment_note.signed", "treatment_note.amended", "claim.submitted", "claim.adjudicated",
                "series.booked", "series.cancelled", "certification.changed", "room.changed", "waitlist.offer_made",
                "waitlist.offer_declined");
        // The validator bites: an event whose data lacks a required field of its type is refused.
        ObjectNode broken = JSON.valueToTree(events.stream().filter(e -> "appointment.booked".equals(e.get("type")))
                .findFirst().orElseThrow());
        ((ObjectNode) broken.get("data")).remove("start");
        assertThat(event.validate(broken)).isNotEmpty();
    }

    /** The day: each call through the API, as the desk, a practitioner and an insurer make them. */
    private void day() {
        SignedVisit visit = new SignedVisit();
        UUID insurer = Api.createInsurer();
        UUID patient = SignedVisit.insuredPatient(insurer);
        asAdmin().body(Map.of("phone", "+1 403 555 0199")).patch("/api/v1/patients/{id}", patient).then().statusCode(200);
        String[] draft = visit.draftFor(patient);
        as(Tokens.practitioner(visit.practitioner)).post("/api/v1/treatment-notes/{id}/sign", draft[1]).then().statusCode(200);
        as(Tokens.practitioner(visit.practitioner)).body(Map.of("reason", "Typo", "text", "Corrected"))
                .post("/api/v1/treatment-notes/{id}/amendments", draft[1]).then().statusCode(201);
        String claim = as(Tokens.insurer(insurer)).get("/api/v1/claims").then().statusCode(200).extract().path("items[0].id");
        as(Tokens.insurer(insurer)).body(Map.of("outcome", "PAID", "paidCents", 9500))
                .post("/api/v1/claims/{id}/adjudication", claim).then().statusCode(200);

        OffsetDateTime later = OffsetDateTime.now(visit.zone).plusDays(5).withHour(10).withMinute(0).withSecond(0).withNano(0);
        UUID other = Api.createPatient();
        String moved = book(visit, other, later);
        asAdmin().body(Map.of("start", later.plusHours(1).toString())).post("/api/v1/appointments/{id}/reschedule", moved)
                .then().statusCode(200);
        asAdmin().body(Map.of("reason", "Flu")).post("/api/v1/appointments/{id}/cancel", moved).then().statusCode(200);

        String course = asAdmin().body(Map.of("patientId", other.toString(), "practitionerId", visit.practitioner.toString(),
                        "serviceId", visit.service.toString(), "locationId", visit.location.toString(),
                        "firstStart", later.plusDays(1).toString(), "repeat", Map.of("intervalWeeks", 1, "count", 2)))
                .post("/api/v1/appointment-series").then().statusCode(201).extract().path("id");
        asAdmin().body(Map.of("reason", "Moved away", "fromStart", later.plusDays(1).toString()))
                .post("/api/v1/appointment-series/{id}/cancel", course).then().statusCode(200);

        asAdmin().body(Map.of("name", "Bed " + UUID.randomUUID(), "capabilities", List.of("TREATMENT_BED")))
                .post("/api/v1/locations/{id}/rooms", visit.location).then().statusCode(201);

        // A waitlist offer of time already free, declined.
        String entry = asAdmin().body(Map.of("patientId", Api.createPatient(), "serviceId", visit.service,
                        "locationId", visit.location, "earliest", later.plusDays(3).toString(),
                        "latest", later.plusDays(3).plusHours(2).toString()))
                .post("/api/v1/waitlist").then().statusCode(201).extract().path("id");
        String hold = awaitOffer(entry);
        asAdmin().post("/api/v1/waitlist/offers/{id}/decline", hold).then().statusCode(200);

        // A booked visit, then the practitioner's certification suspended: the visit needs attention.
        book(visit, Api.createPatient(), later.plusDays(4));
        String certification = asAdmin().get("/api/v1/practitioners/{id}/certifications", visit.practitioner).then()
                .extract().path("items[0].id");
        asAdmin().body(Map.of("status", "SUSPENDED"))
                .patch("/api/v1/practitioners/{p}/certifications/{c}", visit.practitioner, certification).then().statusCode(200);
    }

    private static String book(SignedVisit visit, UUID patient, OffsetDateTime start) {
        return asAdmin().body(Map.of("patientId", patient.toString(), "practitionerId", visit.practitioner.toString(),
                        "serviceId", visit.service.toString(), "locationId", visit.location.toString(), "start", start.toString()))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
    }

    private static String awaitOffer(String entry) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String hold = null;
        while (hold == null && Instant.now().isBefore(deadline)) {
            hold = asAdmin().get("/api/v1/waitlist/{id}", entry).then().statusCode(200).extract().path("offerAppointmentId");
            if (hold == null) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        assertThat(hold).as("an offer of time already free").isNotNull();
        return hold;
    }
}
