package com.needleclinic.billing;

import com.needleclinic.support.Api;
import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static com.needleclinic.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

/**
 * Object-level access (OWASP API1), from one table: real objects owned by one party, called by
 * their owner and by others. Another party's object is 404 (never its data) or 403 by role.
 */
@QuarkusTest
class ObjectAccessMatrixTest {

    /** Objects of one signed visit, made once for the whole table. */
    record World(UUID author, UUID stranger, UUID colleague, UUID insurer, UUID otherInsurer, UUID patient,
                 String appointment, String note, String claim) {
    }

    private static World world;

    private static synchronized World world() {
        if (world == null) {
            SignedVisit visit = new SignedVisit();
            UUID insurer = Api.createInsurer();
            UUID patient = SignedVisit.insuredPatient(insurer);
            String appointment = visit.signFor(patient);
            SignedVisit elsewhere = new SignedVisit();
            elsewhere.signFor(patient); // the colleague treats the same patient
            String note = as(Tokens.practitioner(visit.practitioner)).get("/api/v1/patients/{id}/treatment-notes", patient)
                    .then().statusCode(200).extract().path("items[0].id");
            String claim = as(Tokens.insurer(insurer)).get("/api/v1/claims").then().statusCode(200)
                    .extract().path("items.find { it.appointmentId == '" + appointment + "' }.id");
            world = new World(visit.practitioner, Api.createPractitioner(), elsewhere.practitioner, insurer,
                    Api.createInsurer(), patient, appointment, note, claim);
        }
        return world;
    }

    record Row(String method, String path, Object body, String actor, int expected) {
        @Override
        public String toString() {
            return actor + " " + method + " " + path;
        }
    }

    static List<Row> table() {
        Map<String, Object> amendment = Map.of("reason", "Clarify", "text", "Added detail.");
        Map<String, Object> pay = Map.of("outcome", "PAID", "paidCents", 1, "reason", "Plan maximum reached");
        return List.of(
                new Row("GET", "/api/v1/treatment-notes/{note}", null, "author", 200),
                new Row("GET", "/api/v1/treatment-notes/{note}", null, "colleague", 200),
                new Row("GET", "/api/v1/treatment-notes/{note}", null, "stranger", 404),
                new Row("GET", "/api/v1/treatment-notes/{note}", null, "front-desk", 403),
                new Row("GET", "/api/v1/treatment-notes/{note}", null, "admin", 403),
                new Row("GET", "/api/v1/treatment-notes/{note}", null, "insurer", 403),
                new Row("PUT", "/api/v1/treatment-notes/{note}", Map.of("plan", "x"), "author", 409),
                new Row("PUT", "/api/v1/treatment-notes/{note}", Map.of("plan", "x"), "colleague", 404),
                new Row("PUT", "/api/v1/treatment-notes/{note}", Map.of("plan", "x"), "stranger", 404),
                new Row("POST", "/api/v1/treatment-notes/{note}/amendments", amendment, "author", 201),
                new Row("POST", "/api/v1/treatment-notes/{note}/amendments", amendment, "colleague", 404),
                new Row("POST", "/api/v1/treatment-notes/{note}/amendments", amendment, "stranger", 404),
                new Row("POST", "/api/v1/treatment-notes/{note}/sign", null, "stranger", 404),
                new Row("GET", "/api/v1/patients/{patient}/treatment-notes", null, "author", 200),
                new Row("GET", "/api/v1/patients/{patient}/treatment-notes", null, "colleague", 200),
                new Row("GET", "/api/v1/patients/{patient}/treatment-notes", null, "stranger", 404),
                new Row("GET", "/api/v1/patients/{patient}", null, "author", 200),
                new Row("GET", "/api/v1/patients/{patient}", null, "stranger", 404),
                new Row("GET", "/api/v1/patients/{patient}", null, "insurer", 403),
                new Row("GET", "/api/v1/patients/{patient}/consents", null, "colleague", 200),
                new Row("GET", "/api/v1/patients/{patient}/consents", null, "stranger", 404),
                new Row("GET", "/api/v1/appointments/{appointment}", null, "author", 200),
                new Row("GET", "/api/v1/appointments/{appointment}", null, "colleague", 404),
                new Row("GET", "/api/v1/appointments/{appointment}", null, "stranger", 404),
                new Row("POST", "/api/v1/appointments/{appointment}/treatment-note", Map.of("plan", "x"), "stranger", 404),
                new Row("POST", "/api/v1/appointments/{appointment}/treatment-note", Map.of("plan", "x"), "author", 409),
                new Row("GET", "/api/v1/claims/{claim}", null, "insurer", 200),
                new Row("GET", "/api/v1/claims/{claim}", null, "other-insurer", 404),
                new Row("GET", "/api/v1/claims/{claim}", null, "admin", 200),
                new Row("GET", "/api/v1/claims/{claim}", null, "author", 403),
                new Row("POST", "/api/v1/claims/{claim}/adjudication", pay, "other-insurer", 404),
                new Row("POST", "/api/v1/claims/{claim}/adjudication", pay, "admin", 403));
    }

    static Stream<Row> rows() {
        return table().stream();
    }

    @ParameterizedTest(name = "{0} -> {index}")
    @MethodSource("rows")
    void each_party_gets_the_expected_status(Row row) {
        World w = world();
        String token = switch (row.actor()) {
            case "author" -> Tokens.practitioner(w.author());
            case "colleague" -> Tokens.practitioner(w.colleague());
            case "stranger" -> Tokens.practitioner(w.stranger());
            case "insurer" -> Tokens.insurer(w.insurer());
            case "other-insurer" -> Tokens.insurer(w.otherInsurer());
            case "front-desk" -> Tokens.frontDesk();
            default -> Tokens.admin();
        };
        String path = row.path().replace("{note}", w.note()).replace("{patient}", w.patient().toString())
                .replace("{appointment}", w.appointment()).replace("{claim}", w.claim());
        var request = as(token);
        if (row.body() != null) {
            request.body(row.body());
        }
        var response = request.request(row.method(), path).then().statusCode(row.expected());
        if (row.expected() == 404) {
            response.body("code", equalTo("not-found")).body("subjective", org.hamcrest.Matchers.nullValue())
                    .body("patient", org.hamcrest.Matchers.nullValue());
        }
    }
}
