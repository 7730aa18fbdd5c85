package com.needleclinic.patient;

import com.needleclinic.support.Api;
import com.needleclinic.support.Db;
import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The front desk finds a caller by phone or e-mail, and records how to reach and identify a patient. */
@QuarkusTest
class FindingACallerTest {

    @Inject
    AgroalDataSource db;

    /** A North American number no other test uses: 604 555 NNNN with a random line. */
    private static String[] freshNumber() {
        int exchange = ThreadLocalRandom.current().nextInt(200, 999);
        int line = ThreadLocalRandom.current().nextInt(1000, 9999);
        return new String[]{"+1 778 " + exchange + " " + line, "778-" + exchange + "-" + line,
                "(778) " + exchange + " " + line, "1 778 " + exchange + line, "+1778" + exchange + line};
    }

    private static String patientWithPhone(String phone, String email) {
        Map<String, Object> body = Api.patientBody();
        body.put("phone", phone);
        body.put("email", email);
        return asAdmin().body(body).post("/api/v1/patients").then().statusCode(201).extract().path("id");
    }

    @Test
    void a_caller_is_found_by_their_number_in_any_formatting() {
        String[] number = freshNumber();
        String patient = patientWithPhone(number[0], null);
        for (String asTyped : number) {
            as(Tokens.frontDesk()).queryParam("phone", asTyped).get("/api/v1/patients").then().statusCode(200)
                    .body("items.id", contains(patient));
        }
        as(Tokens.frontDesk()).queryParam("phone", number[1].replace("778", "604")).get("/api/v1/patients").then()
                .statusCode(200).body("items.size()", equalTo(0));
        assertThat(Db.count(db, "select count(*) from audit_event where action = 'SEARCH' and patient_id = ?::uuid",
                patient)).isEqualTo(number.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"555 0101", "12345678", "+12", "phone"})
    void a_number_without_an_area_code_is_a_400_naming_phone(String phone) {
        asAdmin().queryParam("phone", phone).get("/api/v1/patients").then().statusCode(400)
                .body("errors[0].field", equalTo("phone"));
    }

    @Test
    void email_matches_exactly_in_any_case_and_filters_combine() {
        String unique = Api.unique("mail").toLowerCase();
        String[] number = freshNumber();
        String patient = patientWithPhone(number[0], unique + "@Example.org");
        asAdmin().queryParam("email", unique.toUpperCase() + "@EXAMPLE.ORG").get("/api/v1/patients").then()
                .statusCode(200).body("items.id", contains(patient));
        asAdmin().queryParam("email", unique + "@example.or").get("/api/v1/patients").then().statusCode(200)
                .body("items.size()", equalTo(0));
        asAdmin().queryParam("email", unique + "@example.org").queryParam("phone", number[1]).get("/api/v1/patients")
                .then().statusCode(200).body("items.id", contains(patient));
        asAdmin().queryParam("email", unique + "@example.org").queryParam("phone", freshNumber()[0])
                .get("/api/v1/patients").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void a_possible_duplicate_names_the_patient_it_matched_and_the_disclosure_is_audited() {
        Map<String, Object> body = Api.patientBody();
        String first = asAdmin().body(body).post("/api/v1/patients").then().statusCode(201).extract().path("id");
        long before = Db.count(db, "select count(*) from audit_event where action = 'SEARCH' and patient_id = ?::uuid", first);
        as(Tokens.frontDesk()).body(body).post("/api/v1/patients").then().statusCode(409)
                .body("code", equalTo("possible-duplicate")).body("existingPatientId", equalTo(first));
        assertThat(Db.count(db, "select count(*) from audit_event where action = 'SEARCH' and patient_id = ?::uuid", first))
                .isEqualTo(before + 1);
    }

    @Test
    void address_health_number_and_emergency_contact_are_stored_normalised_and_patched_field_by_field() {
        Map<String, Object> body = Api.patientBody();
        String health = "9" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        body.put("address", Map.of("line1", "2150 W Broadway", "city", "Vancouver", "province", "BC",
                "postalCode", "v6k4l9"));
        body.put("healthNumber", Map.of("province", "BC", "number", health.substring(0, 4) + " " + health.substring(4)));
        body.put("emergencyContact", Map.of("name", "Charles Babbage", "phone", "604-555-0199", "relationship", "friend"));
        String id = asAdmin().body(body).post("/api/v1/patients").then().statusCode(201)
                .body("address.postalCode", equalTo("V6K 4L9")).body("address.line2", nullValue())
                .body("healthNumber.number", equalTo(health)).body("emergencyContact.relationship", equalTo("friend"))
                .extract().path("id");

        asAdmin().body(Map.of("address", Map.of("line2", "Suite 200"))).patch("/api/v1/patients/{id}", id).then()
                .statusCode(200).body("address.line1", equalTo("2150 W Broadway"))
                .body("address.line2", equalTo("Suite 200"));
        asAdmin().body("{\"emergencyContact\": null}").patch("/api/v1/patients/{id}", id).then().statusCode(200)
                .body("emergencyContact", nullValue()).body("healthNumber.province", equalTo("BC"));

        // The same number typed another way, for someone else: the same person registered twice.
        Map<String, Object> other = Api.patientBody();
        other.put("healthNumber", Map.of("province", "BC", "number", health.substring(0, 3) + "-" + health.substring(3)));
        asAdmin().body(other).post("/api/v1/patients").then().statusCode(409)
                .body("code", equalTo("duplicate-health-number")).body("existingPatientId", equalTo(id));
        other.put("healthNumber", Map.of("province", "AB", "number", health));
        String elsewhere = asAdmin().body(other).post("/api/v1/patients").then().statusCode(201).extract().path("id");
        asAdmin().body(Map.of("healthNumber", Map.of("province", "BC", "number", health)))
                .patch("/api/v1/patients/{id}", elsewhere).then().statusCode(409)
                .body("code", equalTo("duplicate-health-number"));
        assertThat(Db.count(db, "select count(*) from patient where health_number = ?", health)).isEqualTo(2);
        // The database holds it too, whatever a Java check misses (two desks at once).
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Db.count(db,
                        "with c as (update patient set health_number_province = 'BC' where id = ?::uuid returning 1) "
                                + "select count(*) from c", elsewhere))
                .rootCause().hasMessageContaining("patient_health_number_once");
    }

    @Test
    void a_half_address_or_a_bad_postal_code_is_a_400_naming_the_field() {
        Map<String, Object> body = Api.patientBody();
        body.put("address", Map.of("line1", "1 Main St", "city", "Calgary", "province", "AB", "postalCode", "12345"));
        asAdmin().body(body).post("/api/v1/patients").then().statusCode(400)
                .body("errors.field", contains("address.postalCode"));
        body.put("address", Map.of("line1", "1 Main St", "province", "AB", "postalCode", "T2P 1J9"));
        asAdmin().body(body).post("/api/v1/patients").then().statusCode(400).body("errors.field", contains("address.city"));
        body.remove("address");
        body.put("healthNumber", Map.of("province", "AB", "number", "12 3"));
        asAdmin().body(body).post("/api/v1/patients").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.startsWith("healthNumber"));
        body.put("healthNumber", Map.of("number", "123456789"));
        asAdmin().body(body).post("/api/v1/patients").then().statusCode(400)
                .body("errors.field", contains("healthNumber.province"));
    }
}
