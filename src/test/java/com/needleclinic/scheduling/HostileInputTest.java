package com.needleclinic.scheduling;

import com.needleclinic.support.Api;
import com.needleclinic.support.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.scheduling.Clinic.at;
import static com.needleclinic.scheduling.Clinic.inDays;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.createPatient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * docs/rules.md "Text" and "dates": control characters and far years are a 400 naming the field,
 * in bodies and in query parameters, and nothing is written.
 */
@QuarkusTest
class HostileInputTest {

    @Inject
    AgroalDataSource db;

    @Test
    void a_nul_in_a_patients_name_is_refused_and_nothing_is_stored() {
        Map<String, Object> body = Api.patientBody();
        String marker = "Nul" + UUID.randomUUID();
        body.put("lastName", marker + "\u0000x");
        asAdmin().body(body).post("/api/v1/patients").then().statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("lastName"));
        assertThat(Db.count(db, "select count(*) from patient where last_name like ?", marker + "%")).isZero();
    }

    @Test
    void control_characters_are_refused_in_every_kind_of_body() {
        Map<String, Object> location = Api.locationBody();
        location.put("name", "Bell\u0007clinic");
        asAdmin().body(location).post("/api/v1/locations").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("errors.field", hasItem("name"));

        Clinic clinic = new Clinic();
        String id = clinic.book(createPatient(), clinic.imsPractitioner(null), clinic.imsService, at(inDays(5), "10:00"));
        asAdmin().body(Map.of("reason", "ill\u001b[31m")).post("/api/v1/appointments/{id}/cancel", id).then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        asAdmin().get("/api/v1/appointments/{id}", id).then().body("status", equalTo("BOOKED"));
    }

    @Test
    void tab_and_newline_are_free_text() {
        Clinic clinic = new Clinic();
        String id = clinic.book(createPatient(), clinic.imsPractitioner(null), clinic.imsService, at(inDays(5), "11:00"));
        asAdmin().body(Map.of("reason", "Flu:\n\tfever")).post("/api/v1/appointments/{id}/cancel", id).then()
                .statusCode(200).body("cancellation.reason", equalTo("Flu:\n\tfever"));
    }

    @Test
    void far_years_in_bodies_are_refused_by_field() {
        Map<String, Object> patient = Api.patientBody();
        patient.put("dateOfBirth", "-5000-01-01");
        asAdmin().body(patient).post("/api/v1/patients").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("errors.field", hasItem("dateOfBirth"));

        UUID practitioner = Api.createPractitioner();
        asAdmin().body("{\"start\": \"+999999999-12-31T00:00:00Z\", \"end\": \"2030-01-01T01:00:00Z\", \"reason\": \"x\"}")
                .post("/api/v1/practitioners/{id}/time-off", practitioner).then().statusCode(400)
                .body("errors.field", hasItem("start"));
        asAdmin().body(Api.certificationBody("IMS", "2020-01-01", "2201-01-01", "ACTIVE"))
                .post("/api/v1/practitioners/{id}/certifications", practitioner).then().statusCode(400)
                .body("errors.field", hasItem("validUntil"));
    }

    @Test
    void far_years_and_nul_in_query_parameters_are_refused_by_name() {
        Clinic clinic = new Clinic();
        asAdmin().queryParam("serviceId", clinic.imsService).queryParam("locationId", clinic.location)
                .queryParam("from", "+999999999-12-31").get("/api/v1/availability").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        asAdmin().queryParam("to", "1899-12-31").get("/api/v1/appointments").then().statusCode(400)
                .body("errors.field", hasItem("to"));
        asAdmin().urlEncodingEnabled(false).get("/api/v1/patients?q=ab%00cd").then().statusCode(400)
                .body("errors.field", hasItem("q"));
        asAdmin().queryParam("from", "-5000-01-01").get("/api/v1/claims").then().statusCode(400)
                .body("errors.field", hasItem("from"));
    }

    @Test
    void a_duplicated_json_key_is_refused_rather_than_guessed() {
        asAdmin().body("{\"name\":\"A\",\"name\":\"B\",\"timeZone\":\"America/Edmonton\",\"province\":\"AB\"}")
                .post("/api/v1/locations").then().statusCode(400);
    }

    @Test
    void region_zones_and_utc_are_accepted_fixed_offsets_are_not() {
        for (String zone : new String[]{"UTC", "Etc/UTC", "America/Edmonton"}) {
            Map<String, Object> body = new HashMap<>(Api.locationBody());
            body.put("timeZone", zone);
            asAdmin().body(body).post("/api/v1/locations").then().statusCode(201).body("timeZone", equalTo(zone));
        }
        for (String zone : new String[]{"Etc/GMT+8", "SystemV/PST8", "+02:00", "GMT", "Mars/Olympus"}) {
            Map<String, Object> body = new HashMap<>(Api.locationBody());
            body.put("timeZone", zone);
            asAdmin().body(body).post("/api/v1/locations").then().statusCode(400)
                    .body("code", equalTo("validation-failed")).body("errors.field", hasItem("timeZone"));
        }
    }

    @Test
    void on_the_night_clocks_fall_back_a_visit_from_0130_for_an_hour_is_bookable() {
        Clinic clinic = new Clinic();
        UUID practitioner = clinic.imsPractitioner(null);
        clinic.worksEveryDay(practitioner, "00:00", "23:59");
        UUID hour = Clinic.service("IMS", 60);
        // 01:30 PDT (-07:00), ending at 01:30 PST (-08:00): the local end equals the local start.
        asAdmin().body(clinic.booking(createPatient(), practitioner, hour, "2027-11-07T01:30:00-07:00"))
                .post("/api/v1/appointments").then().statusCode(201)
                .body("start", equalTo("2027-11-07T01:30:00-07:00"))
                .body("end", equalTo("2027-11-07T01:30:00-08:00"));
    }
}
