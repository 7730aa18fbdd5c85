package com.needleclinic.location;

import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.locationBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class LocationResourceTest {

    @Test
    void admin_creates_reads_lists_and_patches_a_location() {
        String location = asAdmin().body(locationBody()).post("/api/v1/locations")
                .then().statusCode(201)
                .body("name", equalTo("Kitsilano"))
                .body("timeZone", equalTo("America/Vancouver"))
                .body("province", equalTo("BC"))
                .extract().header("Location");
        String id = as(Tokens.frontDesk()).get(location).then().statusCode(200).header("ETag", "\"0\"")
                .extract().path("id");
        as(Tokens.practitioner(UUID.randomUUID())).get("/api/v1/locations?limit=200").then().statusCode(200);

        asAdmin().header("If-Match", "\"0\"")
                .body(Map.of("name", "Kitsilano West", "timeZone", "America/Edmonton", "province", "AB"))
                .patch("/api/v1/locations/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Kitsilano West"))
                .body("timeZone", equalTo("America/Edmonton"))
                .body("province", equalTo("AB"));
    }

    @Test
    void time_zone_must_be_an_iana_region() {
        for (String zone : new String[]{"Mars/Olympus_Mons", "PST", "-08:00", "UTC+1", ""}) {
            Map<String, Object> body = locationBody();
            body.put("timeZone", zone);
            asAdmin().body(body).post("/api/v1/locations").then().statusCode(400)
                    .body("code", equalTo("validation-failed"))
                    .body("errors.field", contains("timeZone"));
        }
    }

    @Test
    void patch_with_an_invalid_zone_changes_nothing() {
        String id = asAdmin().body(locationBody()).post("/api/v1/locations").then().statusCode(201).extract().path("id");
        asAdmin().body(Map.of("timeZone", "Nowhere/Land")).patch("/api/v1/locations/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("timeZone"));
        asAdmin().get("/api/v1/locations/{id}", id).then().body("timeZone", equalTo("America/Vancouver"))
                .header("ETag", "\"0\"");
    }

    @Test
    void only_admin_writes_locations_and_insurers_cannot_read_them() {
        as(Tokens.frontDesk()).body(locationBody()).post("/api/v1/locations").then().statusCode(403);
        as(Tokens.practitioner(UUID.randomUUID())).body(locationBody()).post("/api/v1/locations").then().statusCode(403);
        as(Tokens.insurer(UUID.randomUUID())).get("/api/v1/locations").then().statusCode(403)
                .body("code", equalTo("forbidden"));
    }
}
