package com.needleclinic;

import com.needleclinic.support.Api;
import com.needleclinic.support.Db;
import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who may call what, from one table: for every endpoint, the status each role gets (and 401 with
 * no token). Unknown ids answer 404 to roles that may read, 403 to roles that may not.
 */
@QuarkusTest
class AccessMatrixTest {

    private static final String SOME_ID = "00000000-0000-7000-8000-000000000001";

    /** method, path, body, then admin, front-desk, practitioner, insurer, integration. */
    record Row(String method, String path, Supplier<Object> body, int admin, int frontDesk, int practitioner, int insurer,
               int integration) {

        /** An endpoint an integration may not call. */
        Row(String method, String path, Supplier<Object> body, int admin, int frontDesk, int practitioner, int insurer) {
            this(method, path, body, admin, frontDesk, practitioner, insurer, 403);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Row> table() {
        Supplier<Object> none = () -> null;
        Supplier<Object> patch = () -> Map.of("name", "Renamed");
        return List.of(
                new Row("GET", "/api/v1/locations", none, 200, 200, 200, 403),
                new Row("POST", "/api/v1/locations", Api::locationBody, 201, 403, 403, 403),
                new Row("GET", "/api/v1/locations/" + SOME_ID, none, 404, 404, 404, 403),
                new Row("PATCH", "/api/v1/locations/" + SOME_ID, patch, 404, 403, 403, 403),
                new Row("GET", "/api/v1/practitioners", none, 200, 200, 200, 403),
                new Row("POST", "/api/v1/practitioners", Api::practitionerBody, 201, 403, 403, 403),
                new Row("GET", "/api/v1/practitioners/" + SOME_ID, none, 404, 404, 404, 403),
                new Row("PATCH", "/api/v1/practitioners/" + SOME_ID, patch, 404, 403, 403, 403),
                new Row("GET", "/api/v1/practitioners/" + SOME_ID + "/certifications", none, 404, 404, 404, 403),
                new Row("POST", "/api/v1/practitioners/" + SOME_ID + "/certifications",
                        () -> Api.certificationBody("IMS", "2027-01-01", null, "ACTIVE"), 404, 403, 403, 403),
                new Row("GET", "/api/v1/practitioners/" + SOME_ID + "/certifications/" + SOME_ID, none, 404, 404, 404, 403),
                new Row("PATCH", "/api/v1/practitioners/" + SOME_ID + "/certifications/" + SOME_ID,
                        () -> Map.of("status", "SUSPENDED"), 404, 403, 403, 403),
                new Row("GET", "/api/v1/services", none, 200, 200, 200, 403),
                new Row("POST", "/api/v1/services", () -> Api.serviceBody("IMS"), 201, 403, 403, 403),
                new Row("GET", "/api/v1/services/" + SOME_ID, none, 404, 404, 404, 403),
                new Row("PATCH", "/api/v1/services/" + SOME_ID, patch, 404, 403, 403, 403),
                new Row("GET", "/api/v1/insurers", none, 200, 200, 200, 403),
                new Row("POST", "/api/v1/insurers", Api::insurerBody, 201, 403, 403, 403),
                new Row("GET", "/api/v1/insurers/" + SOME_ID, none, 404, 404, 404, 403),
                new Row("PATCH", "/api/v1/insurers/" + SOME_ID, patch, 404, 403, 403, 403),
                new Row("GET", "/api/v1/patients", none, 200, 200, 403, 403),
                new Row("POST", "/api/v1/patients", Api::patientBody, 201, 201, 403, 403),
                new Row("GET", "/api/v1/patients/" + SOME_ID, none, 404, 404, 404, 403),
                new Row("PATCH", "/api/v1/patients/" + SOME_ID, () -> Map.of("lastName", "X"), 404, 404, 403, 403),
                new Row("GET", "/api/v1/patients/" + SOME_ID + "/coverages", none, 404, 404, 403, 403),
                new Row("POST", "/api/v1/patients/" + SOME_ID + "/coverages",
                        () -> Api.coverageBody(UUID.randomUUID(), "2027-01-01", null), 404, 404, 403, 403),
                new Row("GET", "/api/v1/patients/" + SOME_ID + "/consents", none, 404, 404, 404, 403),
                new Row("POST", "/api/v1/patients/" + SOME_ID + "/consents",
                        () -> Map.of("modality", "IMS", "givenOn", "2026-01-01"), 404, 404, 403, 403),
                new Row("POST", "/api/v1/patients/" + SOME_ID + "/consents/" + SOME_ID + "/withdrawal",
                        () -> Map.of("withdrawnOn", "2026-02-01"), 404, 404, 403, 403),
                new Row("GET", "/api/v1/audit-events", none, 200, 403, 403, 403),
                new Row("GET", "/api/v1/practitioners/" + SOME_ID + "/schedule", none, 404, 404, 404, 403),
                new Row("PUT", "/api/v1/practitioners/" + SOME_ID + "/schedule", () -> Map.of("entries", List.of()),
                        404, 403, 403, 403),
                new Row("GET", "/api/v1/practitioners/" + SOME_ID + "/time-off", none, 404, 404, 404, 403),
                new Row("POST", "/api/v1/practitioners/" + SOME_ID + "/time-off",
                        () -> Map.of("start", "2030-01-01T10:00:00Z", "end", "2030-01-01T11:00:00Z"), 404, 403, 403, 403),
                new Row("DELETE", "/api/v1/practitioners/" + SOME_ID + "/time-off/" + SOME_ID, none, 404, 403, 403, 403),
                new Row("GET", "/api/v1/availability?serviceId=" + SOME_ID + "&locationId=" + SOME_ID
                        + "&from=2030-01-01&to=2030-01-02", none, 400, 400, 400, 403),
                new Row("GET", "/api/v1/appointments", none, 200, 200, 200, 403),
                new Row("POST", "/api/v1/appointments", () -> Map.of("patientId", SOME_ID, "practitionerId", SOME_ID,
                        "serviceId", SOME_ID, "locationId", SOME_ID, "start", "2030-01-01T10:00:00Z"), 400, 400, 403, 403),
                new Row("GET", "/api/v1/appointments/" + SOME_ID, none, 404, 404, 404, 403),
                new Row("POST", "/api/v1/appointments/" + SOME_ID + "/reschedule",
                        () -> Map.of("start", "2030-01-01T10:00:00Z"), 404, 404, 403, 403),
                new Row("POST", "/api/v1/appointments/" + SOME_ID + "/cancel", () -> Map.of("reason", "x"),
                        404, 404, 403, 403),
                new Row("POST", "/api/v1/appointments/" + SOME_ID + "/check-in", none, 404, 404, 403, 403),
                new Row("POST", "/api/v1/appointments/" + SOME_ID + "/no-show", none, 404, 404, 403, 403),
                new Row("POST", "/api/v1/appointments/" + SOME_ID + "/treatment-note", () -> Map.of("plan", "x"),
                        403, 403, 404, 403),
                new Row("GET", "/api/v1/treatment-notes/" + SOME_ID, none, 403, 403, 404, 403),
                new Row("PUT", "/api/v1/treatment-notes/" + SOME_ID, () -> Map.of("plan", "x"), 403, 403, 404, 403),
                new Row("POST", "/api/v1/treatment-notes/" + SOME_ID + "/sign", none, 403, 403, 404, 403),
                new Row("POST", "/api/v1/treatment-notes/" + SOME_ID + "/amendments",
                        () -> Map.of("reason", "r", "text", "t"), 403, 403, 404, 403),
                new Row("GET", "/api/v1/patients/" + SOME_ID + "/treatment-notes", none, 403, 403, 404, 403),
                new Row("GET", "/api/v1/claims", none, 200, 403, 403, 200),
                new Row("GET", "/api/v1/claims/" + SOME_ID, none, 404, 403, 403, 404),
                new Row("POST", "/api/v1/claims/" + SOME_ID + "/adjudication", () -> Map.of("outcome", "PAID", "paidCents", 1),
                        403, 403, 403, 404),
                new Row("GET", "/api/v1/waitlist", none, 200, 200, 403, 403),
                new Row("POST", "/api/v1/waitlist", () -> Map.of("patientId", SOME_ID, "serviceId", SOME_ID, "locationId", SOME_ID,
                        "earliest", "2030-01-01T09:00:00Z", "latest", "2030-01-01T10:00:00Z"), 400, 400, 403, 403),
                new Row("GET", "/api/v1/waitlist/" + SOME_ID, none, 404, 404, 403, 403),
                new Row("POST", "/api/v1/waitlist/" + SOME_ID + "/cancel", none, 404, 404, 403, 403),
                new Row("POST", "/api/v1/waitlist/offers/" + SOME_ID + "/accept", none, 404, 404, 403, 403),
                new Row("POST", "/api/v1/waitlist/offers/" + SOME_ID + "/decline", none, 404, 404, 403, 403),
                new Row("GET", "/api/v1/events", none, 200, 403, 403, 403, 200),
                new Row("GET", "/api/v1/webhook-subscriptions", none, 200, 403, 403, 403, 200),
                new Row("POST", "/api/v1/webhook-subscriptions", () -> Map.of("url", "not a url"), 400, 403, 403, 403, 400),
                new Row("GET", "/api/v1/webhook-subscriptions/" + SOME_ID, none, 404, 403, 403, 403, 404),
                new Row("PATCH", "/api/v1/webhook-subscriptions/" + SOME_ID, () -> Map.of("status", "DISABLED"),
                        404, 403, 403, 403, 404),
                new Row("DELETE", "/api/v1/webhook-subscriptions/" + SOME_ID, none, 404, 403, 403, 403, 404),
                new Row("POST", "/api/v1/webhook-subscriptions/" + SOME_ID + "/secret-rotation", none,
                        404, 403, 403, 403, 404),
                new Row("POST", "/api/v1/webhook-subscriptions/" + SOME_ID + "/replay", () -> Map.of("fromSequence", 1),
                        404, 403, 403, 403, 404),
                new Row("GET", "/api/v1/webhook-subscriptions/" + SOME_ID + "/deliveries", none, 404, 403, 403, 403, 404));
    }

    static Stream<Object[]> cases() {
        return table().stream().flatMap(row -> Stream.of(
                new Object[]{row, "none", 401},
                new Object[]{row, "admin", row.admin()},
                new Object[]{row, "front-desk", row.frontDesk()},
                new Object[]{row, "practitioner", row.practitioner()},
                new Object[]{row, "insurer", row.insurer()},
                new Object[]{row, "integration", row.integration()}));
    }

    @Inject
    AgroalDataSource db;

    /** Each request has a subject of its own, so its audit rows are told apart. */
    private static String token(String role, String subject) {
        JwtClaimsBuilder token = Tokens.builder(role, subject);
        if (role.equals("practitioner")) {
            token.claim("practitioner_id", UUID.randomUUID().toString());
        } else if (role.equals("insurer")) {
            token.claim("insurer_id", UUID.randomUUID().toString());
        }
        return token.sign(Tokens.key());
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("cases")
    void each_role_gets_the_expected_status_and_every_refusal_is_audited(Row row, String role, int expected) {
        String subject = "matrix-" + role + "-" + UUID.randomUUID();
        RequestSpecification request = role.equals("none") ? RestAssured.given().contentType("application/json")
                : Api.as(token(role, subject));
        Object body = row.body().get();
        if (body != null) {
            request.body(body);
        }
        var response = request.request(row.method(), row.path()).then().statusCode(expected);
        if (expected >= 400) {
            response.contentType("application/problem+json").body("status", equalTo(expected));
        }
        if (expected == 403) {
            assertThat(Db.count(db, "select count(*) from audit_event where actor = ? and outcome = 'DENIED'"
                    + " and resource_type is not null", subject)).as("the refusal's audit row").isPositive();
        }
    }
}
