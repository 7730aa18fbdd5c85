package com.needleclinic.scheduling;

import com.needleclinic.support.Api;
import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.scheduling.Clinic.at;
import static com.needleclinic.scheduling.Clinic.inDays;
import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.createPatient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** What the front desk's software needs from an answer, as it would call it. */
@QuarkusTest
class CallerAnswersTest {

    @Test
    void times_carry_the_locations_offset_for_the_same_instant() {
        Clinic clinic = new Clinic();
        UUID practitioner = clinic.imsPractitioner(null);
        // 2027-03-01 is winter time in Vancouver (-08:00); sent in UTC, answered in local time.
        String id = asAdmin().body(clinic.booking(createPatient(), practitioner, clinic.imsService, "2027-03-01T17:00:00Z"))
                .post("/api/v1/appointments").then().statusCode(201)
                .body("start", equalTo("2027-03-01T09:00:00-08:00")).body("end", equalTo("2027-03-01T09:30:00-08:00"))
                .extract().path("id");
        asAdmin().get("/api/v1/appointments/{id}", id).then().body("start", equalTo("2027-03-01T09:00:00-08:00"));
        asAdmin().queryParam("serviceId", clinic.imsService).queryParam("locationId", clinic.location)
                .queryParam("from", "2027-07-01").queryParam("limit", 1).get("/api/v1/availability").then()
                .statusCode(200).body("items[0].start", endsWith("-07:00")); // summer time
    }

    @Test
    void a_day_view_is_one_call_with_names_and_a_status_filter() {
        Clinic clinic = new Clinic();
        UUID practitioner = clinic.imsPractitioner(null);
        UUID patient = createPatient();
        String kept = clinic.book(patient, practitioner, clinic.imsService, at(inDays(7), "10:00"));
        String cancelled = clinic.book(createPatient(), practitioner, clinic.imsService, at(inDays(7), "11:00"));
        asAdmin().body(Map.of("reason", "Moved")).post("/api/v1/appointments/{id}/cancel", cancelled).then().statusCode(200);

        var day = asAdmin().queryParam("practitionerId", practitioner).get("/api/v1/appointments").then()
                .statusCode(200).extract().jsonPath();
        assertThat(day.getList("items.id")).containsExactly(kept, cancelled);
        String patientName = asAdmin().get("/api/v1/patients/{id}", patient).then().extract().path("firstName") + " "
                + asAdmin().get("/api/v1/patients/{id}", patient).then().extract().path("lastName");
        assertThat(day.getString("items[0].patientName")).isEqualTo(patientName);
        assertThat(day.getString("items[0].practitionerName")).isEqualTo("Chan Gunn");
        assertThat(day.getString("items[0].serviceName")).isNotBlank();

        asAdmin().queryParam("practitionerId", practitioner).queryParam("status", "BOOKED")
                .get("/api/v1/appointments").then().body("items.id", equalTo(List.of(kept)));
        asAdmin().queryParam("practitionerId", practitioner).queryParam("status", "BOOKED,CANCELLED")
                .get("/api/v1/appointments").then().body("items.size()", equalTo(2));
        asAdmin().queryParam("practitionerId", practitioner).queryParam("status", "CANCELLED")
                .queryParam("status", "NO_SHOW").get("/api/v1/appointments").then().body("items.id", equalTo(List.of(cancelled)));
        asAdmin().queryParam("status", "LOST").get("/api/v1/appointments").then().statusCode(400)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void an_unknown_query_parameter_is_a_400_naming_it() {
        asAdmin().queryParam("practitionerID", UUID.randomUUID()).get("/api/v1/appointments").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("errors[0].field", equalTo("practitionerID"));
        asAdmin().queryParam("sort", "name").get("/api/v1/locations").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void validation_errors_name_the_json_field_not_a_java_property() {
        UUID practitioner = Api.createPractitioner();
        asAdmin().body(Map.of("start", "2030-01-01T10:00:00Z", "end", "2030-01-01T09:00:00Z", "reason", "Course"))
                .post("/api/v1/practitioners/{id}/time-off", practitioner).then().statusCode(400)
                .body("errors.field", equalTo(List.of("end")));
    }

    @Test
    void refusals_say_their_cause() {
        String expired = Tokens.builder("front-desk", "expired-" + UUID.randomUUID())
                .issuedAt(System.currentTimeMillis() / 1000 - 7200).expiresAt(System.currentTimeMillis() / 1000 - 3600)
                .sign(Tokens.key());
        as(expired).get("/api/v1/patients").then().statusCode(401).body("detail", containsString("expired"));
        String foreign = io.smallrye.jwt.build.Jwt.issuer("https://elsewhere.invalid").subject("x").groups("admin")
                .expiresIn(600).sign(Tokens.key());
        as(foreign).get("/api/v1/patients").then().statusCode(401).body("detail", containsString("issuer"));
        as(Tokens.withSubject("practitioner", "no-claim-" + UUID.randomUUID())).get("/api/v1/appointments").then()
                .statusCode(403).body("detail", containsString("practitioner_id"));

        Clinic clinic = new Clinic();
        UUID me = clinic.imsPractitioner(null);
        UUID colleague = clinic.imsPractitioner(null);
        as(Tokens.practitioner(me)).body(clinic.booking(createPatient(), colleague, clinic.imsService, at(inDays(3), "10:00")))
                .post("/api/v1/appointments").then().statusCode(403).body("detail", containsString("only for themself"));
        // A role refusal says which roles the operation takes.
        as(Tokens.insurer(UUID.randomUUID())).get("/api/v1/patients").then().statusCode(403)
                .body("detail", equalTo("This needs the role admin or front-desk; the token's role is insurer"))
                .body("allowedRoles", org.hamcrest.Matchers.contains("admin", "front-desk"));
        as(Tokens.frontDesk()).body(Map.of("name", "Desk's clinic", "timeZone", "UTC", "province", "BC"))
                .post("/api/v1/locations").then().statusCode(403).body("allowedRoles", org.hamcrest.Matchers.contains("admin"));
    }
}
