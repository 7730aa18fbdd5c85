package com.needleclinic.billing;

import com.needleclinic.support.Api;
import com.needleclinic.support.Db;
import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Insurers pull by submission, and ask for an export by the query or at its own address. */
@QuarkusTest
class ClaimPullTest {

    @Inject
    AgroalDataSource db;

    /** The visit was yesterday and its note is signed today: what the service-date trigger forbids us to write. */
    private void servedYesterday(String claimId) throws Exception {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("set session_replication_role = replica");
            try (PreparedStatement s = c.prepareStatement(
                    "update claim set service_date = service_date - 1 where id = ?::uuid")) {
                s.setString(1, claimId);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            c.createStatement().execute("set session_replication_role = origin");
        }
    }

    private static List<String> submittedAfter(String token, String claim) {
        return as(token).queryParam("submittedAfter", claim).get("/api/v1/claims").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
    }

    @Test
    void a_late_signed_visit_is_found_by_submission_not_by_yesterdays_service_date() throws Exception {
        SignedVisit visit = new SignedVisit();
        UUID insurer = Api.createInsurer();
        String token = Tokens.insurer(insurer);
        visit.signFor(SignedVisit.insuredPatient(insurer));
        String seen = as(token).get("/api/v1/claims").then().statusCode(200).extract().path("items[0].id");
        // The insurer pulled yesterday's service date already; the note for yesterday's visit is signed now.
        visit.signFor(SignedVisit.insuredPatient(insurer));
        String late = as(token).queryParam("submittedAfter", seen).get("/api/v1/claims").then().statusCode(200)
                .body("items", empty()).extract().path("nextCursor");
        assertThat(late).isNull();
        String lateClaim = as(token).get("/api/v1/claims").then().extract().jsonPath().getList("items.id", String.class)
                .stream().filter(id -> !id.equals(seen)).findFirst().orElseThrow();
        String yesterday = LocalDate.parse(as(token).get("/api/v1/claims/{id}", lateClaim).then().extract()
                .<String>path("serviceDate")).minusDays(1).toString();
        servedYesterday(lateClaim);

        // Held back while it may still be settling (2 s in tests, 2 minutes in production) ...
        assertThat(submittedAfter(token, seen)).isEmpty();
        Thread.sleep(2_100);
        // ... then found by its submission, though its service date is one already pulled.
        assertThat(submittedAfter(token, seen)).containsExactly(lateClaim);
        assertThat(submittedAfter(token, lateClaim)).isEmpty();
        as(token).queryParam("from", yesterday).queryParam("to", yesterday).get("/api/v1/claims").then()
                .statusCode(200).body("items.id", contains(lateClaim));

        // Another insurer's claim is no cursor for this one.
        as(Tokens.insurer(Api.createInsurer())).queryParam("submittedAfter", seen).get("/api/v1/claims").then()
                .statusCode(400).body("errors[0].field", equalTo("submittedAfter"));
        as(token).queryParam("submittedAfter", seen).queryParam("format", "csv").get("/api/v1/claims").then()
                .statusCode(400);
        assertThat(Db.count(db, "select count(*) from audit_event where action = 'SEARCH' and resource_id = ?::uuid",
                lateClaim)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void submitted_from_and_to_bound_the_submission_instant() {
        SignedVisit visit = new SignedVisit();
        UUID insurer = Api.createInsurer();
        String token = Tokens.insurer(insurer);
        visit.signFor(SignedVisit.insuredPatient(insurer));
        String at = as(token).get("/api/v1/claims").then().extract().path("items[0].submittedAt");
        as(token).queryParam("submittedFrom", at).get("/api/v1/claims").then().statusCode(200).body("items.size()", equalTo(1));
        as(token).queryParam("submittedTo", at).get("/api/v1/claims").then().statusCode(200).body("items", empty());
        as(token).queryParam("submittedFrom", "2027-03-01T09:00:00").get("/api/v1/claims").then().statusCode(400)
                .body("errors[0].field", equalTo("submittedFrom"));
        as(token).queryParam("submittedFrom", at).queryParam("submittedTo", at).get("/api/v1/claims").then()
                .statusCode(400).body("errors[0].field", equalTo("submittedTo"));
    }

    @Test
    void a_client_that_always_sends_accept_json_gets_csv_and_fhir_by_asking() {
        SignedVisit visit = new SignedVisit();
        UUID insurer = Api.createInsurer();
        String token = Tokens.insurer(insurer);
        visit.signFor(SignedVisit.insuredPatient(insurer));
        as(token).accept("application/json").queryParam("format", "csv").get("/api/v1/claims").then().statusCode(200)
                .contentType(startsWith("text/csv")).body(startsWith("id,insurerId"));
        as(token).accept("application/json").queryParam("format", "fhir").get("/api/v1/claims").then().statusCode(200)
                .contentType(startsWith("application/fhir+json")).body("resourceType", equalTo("Bundle"));
        as(token).accept("application/json").get("/api/v1/claims/export/csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).body(startsWith("id,insurerId"));
        as(token).accept("application/json").get("/api/v1/claims/export/fhir").then().statusCode(200)
                .contentType(startsWith("application/fhir+json")).body("entry.size()", equalTo(1));
        as(token).accept("text/csv").queryParam("format", "json").get("/api/v1/claims").then().statusCode(200)
                .contentType(startsWith("application/json")).body("items.size()", equalTo(1));
        as(token).queryParam("format", "xml").get("/api/v1/claims").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        // The export at its own address is scoped to the insurer like the list.
        as(Tokens.insurer(Api.createInsurer())).get("/api/v1/claims/export/csv").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(insurer.toString())));
    }
}
