package com.needleclinic.patient;

import com.needleclinic.support.Db;
import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.createPatient;
import static com.needleclinic.support.Api.patientBody;
import static com.needleclinic.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PatientResourceTest {

    @Inject
    AgroalDataSource db;

    @Test
    void front_desk_registers_reads_and_patches_a_patient() {
        Map<String, Object> body = patientBody();
        String location = as(Tokens.frontDesk()).body(body).post("/api/v1/patients")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("firstName", equalTo(body.get("firstName")))
                .body("lastName", equalTo("Lovelace"))
                .body("dateOfBirth", equalTo("1990-12-10"))
                .body("email", equalTo("ada@example.org"))
                .body("phone", equalTo("+1 604 555 0100"))
                .body("confirmDuplicate", nullValue())
                .extract().header("Location");

        as(Tokens.frontDesk()).get(location).then().statusCode(200).header("ETag", "\"0\"")
                .body("lastName", equalTo("Lovelace"));
        as(Tokens.frontDesk()).header("If-Match", "\"0\"").body("{\"email\": null, \"lastName\": \"King\"}")
                .patch(location).then().statusCode(200).header("ETag", "\"1\"")
                .body("lastName", equalTo("King")).body("email", nullValue()).body("phone", equalTo("+1 604 555 0100"));
        as(Tokens.frontDesk()).header("If-Match", "\"0\"").body(Map.of("lastName", "Byron")).patch(location)
                .then().statusCode(412).body("code", equalTo("precondition-failed"));
    }

    @Test
    void same_name_and_birth_date_is_a_possible_duplicate_unless_confirmed() {
        Map<String, Object> body = patientBody();
        asAdmin().body(body).post("/api/v1/patients").then().statusCode(201);

        Map<String, Object> again = new java.util.HashMap<>(body);
        again.put("firstName", ((String) body.get("firstName")).toUpperCase());
        again.put("email", null);
        asAdmin().body(again).post("/api/v1/patients").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("possible-duplicate"));
        assertThat(Db.count(db, "select count(*) from patient where lower(first_name) = lower(?)", (String) body.get("firstName"))).isEqualTo(1);

        again.put("confirmDuplicate", true);
        asAdmin().body(again).post("/api/v1/patients").then().statusCode(201);
        assertThat(Db.count(db, "select count(*) from patient where lower(first_name) = lower(?)", (String) body.get("firstName"))).isEqualTo(2);

        Map<String, Object> otherBirthday = new java.util.HashMap<>(body);
        otherBirthday.put("dateOfBirth", "1990-12-11");
        asAdmin().body(otherBirthday).post("/api/v1/patients").then().statusCode(201);
    }

    @Test
    void bad_patient_input_lists_every_field_and_stores_nothing() {
        Map<String, Object> body = patientBody();
        body.put("firstName", " ");
        body.put("lastName", "x".repeat(101));
        body.put("dateOfBirth", LocalDate.now().plusDays(2).toString());
        body.put("email", "not-an-email");
        body.put("phone", "call me");
        as(Tokens.frontDesk()).body(body).post("/api/v1/patients").then().statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("firstName"))
                .body("errors.field", hasItem("lastName"))
                .body("errors.field", hasItem("dateOfBirth"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("phone"));
        body = patientBody();
        body.put("dateOfBirth", "1990-02-30");
        as(Tokens.frontDesk()).body(body).post("/api/v1/patients").then().statusCode(400)
                .body("errors.field", contains("dateOfBirth"));
        body.put("dateOfBirth", "1850-01-01");
        as(Tokens.frontDesk()).body(body).post("/api/v1/patients").then().statusCode(400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("dateOfBirth")));
        assertThat(Db.count(db, "select count(*) from patient where lower(first_name) = lower(?)", (String) body.get("firstName"))).isZero();
    }

    @Test
    void search_finds_by_any_part_of_either_name_in_any_case() {
        String surname = unique("Zyxwv");
        Map<String, Object> body = patientBody();
        body.put("lastName", surname);
        String id = asAdmin().body(body).post("/api/v1/patients").then().statusCode(201).extract().path("id");

        List<String> byLastName = as(Tokens.frontDesk()).queryParam("q", surname.substring(1).toUpperCase())
                .get("/api/v1/patients").then().statusCode(200).extract().path("items.id");
        assertThat(byLastName).containsExactly(id);
        List<String> byBoth = as(Tokens.frontDesk()).queryParam("q", body.get("firstName") + " " + surname.toLowerCase())
                .get("/api/v1/patients").then().statusCode(200).extract().path("items.id");
        assertThat(byBoth).containsExactly(id);
        as(Tokens.frontDesk()).queryParam("q", surname + " nobody").get("/api/v1/patients").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void search_treats_like_wildcards_as_plain_characters() {
        as(Tokens.frontDesk()).queryParam("q", "%").get("/api/v1/patients").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        as(Tokens.frontDesk()).queryParam("q", "x".repeat(101)).get("/api/v1/patients").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void idempotent_registration_replays_instead_of_warning_about_a_duplicate() {
        Map<String, Object> body = patientBody();
        String key = UUID.randomUUID().toString();
        String first = as(Tokens.frontDesk()).header("Idempotency-Key", key).body(body).post("/api/v1/patients")
                .then().statusCode(201).extract().path("id");
        as(Tokens.frontDesk()).header("Idempotency-Key", key).body(body).post("/api/v1/patients")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertThat(Db.count(db, "select count(*) from patient where lower(first_name) = lower(?)", (String) body.get("firstName"))).isEqualTo(1);
    }

    @Test
    void a_practitioner_who_does_not_treat_the_patient_gets_404_and_no_data() {
        UUID patient = createPatient();
        as(Tokens.practitioner(UUID.randomUUID())).get("/api/v1/patients/{id}", patient).then().statusCode(404)
                .body("code", equalTo("not-found"))
                .body("lastName", nullValue());
        as(Tokens.practitioner(UUID.randomUUID())).get("/api/v1/patients").then().statusCode(403);
    }

    @Test
    void an_insurer_reads_no_patient() {
        UUID patient = createPatient();
        as(Tokens.insurer(UUID.randomUUID())).get("/api/v1/patients/{id}", patient).then().statusCode(403)
                .body("code", equalTo("forbidden")).body("lastName", nullValue());
        as(Tokens.insurer(UUID.randomUUID())).get("/api/v1/patients").then().statusCode(403);
    }

}
