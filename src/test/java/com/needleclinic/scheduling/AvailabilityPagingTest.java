package com.needleclinic.scheduling;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.needleclinic.scheduling.Clinic.inDays;
import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** docs/rules.md "Availability is bounded": pages of at most 500 slots, and "next available". */
@QuarkusTest
class AvailabilityPagingTest {

    private ExtractableResponse<Response> page(Clinic clinic, String from, String to, String limit, String cursor) {
        var request = asAdmin().queryParam("serviceId", clinic.imsService).queryParam("locationId", clinic.location)
                .queryParam("from", from);
        if (to != null) {
            request.queryParam("to", to);
        }
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/availability").then().statusCode(200).extract();
    }

    @Test
    void pages_walk_the_slots_in_order_without_gaps_or_repeats() {
        Clinic clinic = new Clinic();
        clinic.imsPractitioner(null);
        clinic.imsPractitioner(null);
        String day = inDays(3).toString();
        List<String> all = new ArrayList<>();
        page(clinic, day, day, "500", null).<List<java.util.Map<String, String>>>path("items")
                .forEach(s -> all.add(s.get("start") + " " + s.get("practitionerId")));
        assertThat(all).hasSize(2 * 31); // 09:00-17:00, 30 minutes on a 15-minute grid: 31 starts each

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var response = page(clinic, day, day, "7", cursor);
            response.<List<java.util.Map<String, String>>>path("items")
                    .forEach(s -> walked.add(s.get("start") + " " + s.get("practitionerId")));
            cursor = response.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(walked).containsExactlyElementsOf(all);
        assertThat(pages).isEqualTo(9);
    }

    @Test
    void without_to_it_answers_the_earliest_slots_within_31_days() {
        Clinic clinic = new Clinic();
        UUID practitioner = clinic.imsPractitioner(null);
        var first = page(clinic, inDays(1).toString(), null, "3", null);
        assertThat(first.<List<String>>path("items.start")).hasSize(3).isSorted();
        assertThat(first.<String>path("items[0].practitionerId")).isEqualTo(practitioner.toString());
        assertThat(first.<String>path("nextCursor")).isNotNull();
    }

    @Test
    void the_default_page_is_50_and_bad_limits_or_cursors_are_400() {
        Clinic clinic = new Clinic();
        clinic.imsPractitioner(null);
        assertThat(page(clinic, inDays(1).toString(), inDays(30).toString(), null, null)
                .<List<Object>>path("items")).hasSize(50);
        for (String limit : new String[]{"0", "501", "ten"}) {
            asAdmin().queryParam("serviceId", clinic.imsService).queryParam("locationId", clinic.location)
                    .queryParam("from", inDays(1).toString()).queryParam("limit", limit)
                    .get("/api/v1/availability").then().statusCode(400)
                    .body("code", equalTo("validation-failed")).body("errors.field", hasItem("limit"));
        }
        asAdmin().queryParam("serviceId", clinic.imsService).queryParam("locationId", clinic.location)
                .queryParam("from", inDays(1).toString()).queryParam("cursor", "bm90LWEtY3Vyc29y")
                .get("/api/v1/availability").then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void an_empty_range_has_no_next_page() {
        Clinic clinic = new Clinic();
        asAdmin().queryParam("serviceId", clinic.imsService).queryParam("locationId", clinic.location)
                .queryParam("from", inDays(1).toString()).get("/api/v1/availability").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("nextCursor", nullValue());
    }
}
