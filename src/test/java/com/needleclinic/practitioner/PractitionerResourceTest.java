package com.needleclinic.practitioner;

import com.needleclinic.support.Api;
import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.certify;
import static com.needleclinic.support.Api.createPractitioner;
import static com.needleclinic.support.Api.practitionerBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class PractitionerResourceTest {

    @Test
    void admin_creates_a_practitioner_and_gets_it_back_with_location_and_etag() {
        Map<String, Object> body = practitionerBody();
        String location = asAdmin().body(body).post("/api/v1/practitioners")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("id", notNullValue())
                .body("firstName", equalTo("Chan"))
                .body("lastName", equalTo("Gunn"))
                .body("discipline", equalTo("PHYSIOTHERAPIST"))
                .body("registrationNumber", equalTo(body.get("registrationNumber")))
                .body("registrationBody", equalTo("College of Physical Therapists of BC"))
                .body("province", equalTo("BC"))
                .body("active", equalTo(true))
                .extract().header("Location");
        assertThat(location).matches(".*/api/v1/practitioners/[0-9a-f-]{36}");

        as(Tokens.frontDesk()).get(location).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("registrationNumber", equalTo(body.get("registrationNumber")));
    }

    @Test
    void a_registration_number_is_unique_within_its_college() {
        Map<String, Object> body = practitionerBody();
        asAdmin().body(body).post("/api/v1/practitioners").then().statusCode(201);
        asAdmin().body(body).post("/api/v1/practitioners").then().statusCode(409)
                .body("code", equalTo("duplicate-registration"));

        body.put("registrationBody", "College of Physicians and Surgeons of BC");
        asAdmin().body(body).post("/api/v1/practitioners").then().statusCode(201);
    }

    @Test
    void invalid_practitioner_lists_every_bad_field_and_stores_nothing() {
        Map<String, Object> body = practitionerBody();
        body.put("firstName", " ");
        body.put("lastName", "x".repeat(101));
        body.put("discipline", "WIZARD");
        asAdmin().body(body).post("/api/v1/practitioners").then().statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("discipline"));

        body.put("discipline", "PHYSICIAN");
        asAdmin().body(body).post("/api/v1/practitioners").then().statusCode(400)
                .body("errors.field", hasItem("firstName"))
                .body("errors.field", hasItem("lastName"));

        body.put("firstName", "Ok");
        body.put("lastName", "Fine");
        asAdmin().body(body).post("/api/v1/practitioners").then().statusCode(201); // the number was never taken
    }

    @Test
    void patch_merges_changes_and_bumps_the_etag() {
        UUID id = createPractitioner();
        asAdmin().header("If-Match", "\"0\"").body(Map.of("lastName", "Gunn-Smith", "active", false))
                .patch("/api/v1/practitioners/{id}", id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("lastName", equalTo("Gunn-Smith"))
                .body("firstName", equalTo("Chan"))
                .body("active", equalTo(false));
    }

    @Test
    void patch_with_a_stale_if_match_is_412_and_changes_nothing() {
        UUID id = createPractitioner();
        asAdmin().body(Map.of("lastName", "First")).patch("/api/v1/practitioners/{id}", id).then().statusCode(200);

        asAdmin().header("If-Match", "\"0\"").body(Map.of("lastName", "Second"))
                .patch("/api/v1/practitioners/{id}", id)
                .then().statusCode(412)
                .body("code", equalTo("precondition-failed"));

        asAdmin().get("/api/v1/practitioners/{id}", id).then().body("lastName", equalTo("First"))
                .header("ETag", "\"1\"");
    }

    @Test
    void patch_validates_like_create() {
        UUID id = createPractitioner();
        asAdmin().body("{\"firstName\": null}").patch("/api/v1/practitioners/{id}", id).then().statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors.field", hasItem("firstName"));
        asAdmin().body(Map.of("id", UUID.randomUUID().toString())).patch("/api/v1/practitioners/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("id"));
        asAdmin().body("[1]").patch("/api/v1/practitioners/{id}", id).then().statusCode(400)
                .body("code", equalTo("validation-failed"));
    }

    @Test
    void list_filters_by_modality_certified_on_a_date() {
        UUID ims = createPractitioner();
        certify(ims, "IMS", "2027-01-01", "2027-03-01", "ACTIVE");
        UUID expired = createPractitioner();
        certify(expired, "IMS", "2026-01-01", "2027-02-28", "ACTIVE");
        UUID suspended = createPractitioner();
        certify(suspended, "IMS", "2027-01-01", null, "SUSPENDED");
        UUID acupuncture = createPractitioner();
        certify(acupuncture, "ACUPUNCTURE", "2027-01-01", null, "ACTIVE");
        UUID inactive = createPractitioner();
        certify(inactive, "IMS", "2027-01-01", null, "ACTIVE");
        asAdmin().body(Map.of("active", false)).patch("/api/v1/practitioners/{id}", inactive).then().statusCode(200);

        List<String> ids = allPages("/api/v1/practitioners?modality=IMS&on=2027-03-01&limit=200");
        assertThat(ids).contains(ims.toString())
                .doesNotContain(expired.toString(), suspended.toString(), acupuncture.toString(), inactive.toString());

        assertThat(allPages("/api/v1/practitioners?modality=IMS&on=2027-03-02&limit=200")).doesNotContain(ims.toString());
    }

    @Test
    void list_filter_needs_both_modality_and_date() {
        asAdmin().get("/api/v1/practitioners?modality=IMS").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("errors[0].field", equalTo("on"));
        asAdmin().get("/api/v1/practitioners?modality=CUPPING&on=2027-03-01").then().statusCode(400)
                .body("errors[0].field", equalTo("modality"));
        asAdmin().get("/api/v1/practitioners?modality=IMS&on=2027-02-30").then().statusCode(400)
                .body("errors[0].field", equalTo("on"));
    }

    @Test
    void keyset_pages_cover_every_practitioner_exactly_once() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createPractitioner().toString());
        }
        List<String> seen = allPages("/api/v1/practitioners?limit=2");
        assertThat(seen).doesNotHaveDuplicates().containsAll(created);
        assertThat(seen.subList(seen.size() - 5, seen.size())).containsExactlyElementsOf(created);
    }

    @Test
    void practitioners_and_front_desk_read_but_only_admin_writes_and_insurers_see_nothing() {
        UUID id = createPractitioner();
        as(Tokens.practitioner(id)).get("/api/v1/practitioners/{id}", id).then().statusCode(200);
        as(Tokens.frontDesk()).get("/api/v1/practitioners").then().statusCode(200).body("items", not(org.hamcrest.Matchers.empty()));
        as(Tokens.practitioner(id)).body(Map.of("lastName", "Self-promoted"))
                .patch("/api/v1/practitioners/{id}", id).then().statusCode(403).body("code", equalTo("forbidden"));
        as(Tokens.frontDesk()).body(practitionerBody()).post("/api/v1/practitioners").then().statusCode(403);
        as(Tokens.insurer(UUID.randomUUID())).get("/api/v1/practitioners/{id}", id).then().statusCode(403)
                .body("code", equalTo("forbidden")).body("lastName", org.hamcrest.Matchers.nullValue());
    }

    static List<String> allPages(String firstPage) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String url = cursor == null ? firstPage : firstPage + (firstPage.contains("?") ? "&" : "?") + "cursor=" + cursor;
            var page = Api.asAdmin().get(url).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            assertThat(++pages).isLessThan(10_000);
        } while (cursor != null);
        return ids;
    }
}
