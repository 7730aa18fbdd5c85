package com.needleclinic.shared;

import com.needleclinic.support.Api;
import com.needleclinic.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What a request must say (issue 27's fuzzing): a body says what it is, and a parameter sent is
 * a value - an empty one is a 400, never read as absent.
 */
@QuarkusTest
class StrictRequestsTest {

    @TestHTTPResource("/api/v1/patients")
    URL patients;

    @Test
    void a_body_without_content_type_is_415_and_creates_nothing() throws Exception {
        String unique = Api.unique("Untyped");
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(patients.toString()))
                .header("Authorization", "Bearer " + Tokens.admin())
                .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"" + unique
                        + "\",\"lastName\":\"Lovelace\",\"dateOfBirth\":\"1990-12-10\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("unsupported-media-type");
        asAdmin().queryParam("q", unique).get("/api/v1/patients").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "to", "from", "limit", "cursor", "practitionerId", "needsAttention"})
    void an_empty_query_value_is_a_400_naming_it(String name) {
        asAdmin().queryParam(name, "").get("/api/v1/appointments").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("errors[0].field", equalTo(name));
    }

    @Test
    void a_trailing_comma_in_a_list_is_a_400_and_absent_parameters_are_fine() {
        asAdmin().queryParam("status", "BOOKED,").get("/api/v1/appointments").then().statusCode(400);
        asAdmin().queryParam("types", "").get("/api/v1/events").then().statusCode(400);
        asAdmin().queryParam("q", "").get("/api/v1/patients").then().statusCode(400);
        asAdmin().get("/api/v1/appointments").then().statusCode(200);
    }
}
