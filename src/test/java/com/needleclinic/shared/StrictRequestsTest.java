package com.needleclinic.shared;

import com.needleclinic.support.Api;
import com.needleclinic.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * What a request must say (issue 27's fuzzing): a body says what it is and is well-formed UTF-8,
 * a parameter sent is a value - an empty one is a 400, never read as absent - and methods and
 * targets are answered as the contract says.
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

    private HttpResponse<String> postBytes(byte[] body) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(patients.toString()))
                        .header("Authorization", "Bearer " + Tokens.admin()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] patient(String unique, byte[] inName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("{\"firstName\":\"" + unique).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(inName);
        out.writeBytes("\",\"lastName\":\"Lovelace\",\"dateOfBirth\":\"1990-12-10\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"c0be", "e080be", "eda080", "edbfbf", "ff", "c3", "f4908080"})
    void malformed_utf8_is_a_400_and_creates_nothing(String hex) throws Exception {
        // Overlong '>' in two and three bytes, encoded surrogates (CESU-8), a stray byte, a cut
        // sequence, a code point past U+10FFFF.
        String unique = Api.unique("Utf");
        HttpResponse<String> answer = postBytes(patient(unique, java.util.HexFormat.of().parseHex(hex)));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"code\":\"malformed-json\"", "not well-formed UTF-8");
        asAdmin().queryParam("q", unique).get("/api/v1/patients").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udfff", "\\ude00\\ud83d", "\\ud83dx"})
    void an_unpaired_surrogate_escape_is_a_400_naming_the_field(String escape) throws Exception {
        String unique = Api.unique("Sur");
        HttpResponse<String> answer = postBytes(patient(unique, escape.getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"firstName\"", "unpaired surrogate");
        asAdmin().queryParam("q", unique).get("/api/v1/patients").then().statusCode(200).body("items.size()", equalTo(0));
    }

    /** Jackson would read a number as epoch seconds (an array as fields): a date is an ISO 8601 string. */
    @ParameterizedTest
    @ValueSource(strings = {"1700000000", "1700000000.5", "[2027, 3, 1, 10, 0]"})
    void a_number_or_an_array_for_an_instant_is_a_400_naming_it_and_creates_nothing(String start) {
        UUID practitioner = Api.createPractitioner();
        asAdmin().body("{\"start\": " + start + ", \"end\": \"2027-03-01T12:00:00Z\"}")
                .post("/api/v1/practitioners/{id}/time-off", practitioner).then().statusCode(400)
                .body("errors[0].field", equalTo("start")).body("errors[0].message", equalTo("must be a string (ISO 8601)"));
        asAdmin().get("/api/v1/practitioners/{id}/time-off", practitioner).then().statusCode(200)
                .body("items.size()", equalTo(0));
        Map<String, Object> patient = Api.patientBody();
        patient.put("dateOfBirth", 19800101);
        asAdmin().body(patient).post("/api/v1/patients").then().statusCode(400)
                .body("errors[0].field", equalTo("dateOfBirth"));
    }

    @Test
    void a_rooms_capabilities_cannot_be_patched_to_null() {
        UUID location = UUID.fromString(asAdmin().body(Api.locationBody()).post("/api/v1/locations").then().statusCode(201)
                .extract().path("id"));
        String room = asAdmin().body(Map.of("name", "Bed", "capabilities", List.of("TREATMENT_BED")))
                .post("/api/v1/locations/{id}/rooms", location).then().statusCode(201).extract().path("id");
        asAdmin().body("{\"capabilities\": null}").patch("/api/v1/rooms/{id}", room).then().statusCode(400)
                .body("errors[0].field", equalTo("capabilities"));
        asAdmin().get("/api/v1/rooms/{id}", room).then().statusCode(200).body("capabilities", contains("TREATMENT_BED"));
    }

    @Test
    void a_character_beyond_the_bmp_is_stored_as_sent() throws Exception {
        String unique = Api.unique("Emoji");
        HttpResponse<String> escaped = postBytes(patient(unique, "\\ud83d\\ude00".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> raw = postBytes(patient(unique + "r", "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8)));
        assertThat(escaped.statusCode()).as(escaped.body()).isEqualTo(201);
        assertThat(raw.statusCode()).as(raw.body()).isEqualTo(201);
        asAdmin().get("/api/v1/patients/" + io.restassured.path.json.JsonPath.from(raw.body()).getString("id")).then()
                .statusCode(200).body("firstName", equalTo(unique + "r\uD83D\uDE00"));
    }

    @Test
    void a_request_target_over_4096_characters_is_414_problem_json() throws Exception {
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(patients + "?q=" + "a".repeat(RequestTargets.MAX_TARGET)))
                        .header("Authorization", "Bearer " + Tokens.admin()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(414);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"uri-too-long\"");
        // Under the limit the operation answers (here: q is longer than a name may be).
        asAdmin().queryParam("q", "a".repeat(4000)).get("/api/v1/patients").then().statusCode(400)
                .body("code", equalTo("validation-failed"));
    }

    @Test
    void a_method_a_path_does_not_answer_is_405_with_allow() {
        asAdmin().contentType("application/json").body("{}")
                .put("/api/v1/locations").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS, POST")
                .contentType("application/problem+json").body("code", equalTo("method-not-allowed"));
        // The collection has no PATCH (its items do): 405, never the item's answer or a 404.
        asAdmin().contentType("application/json").body("{}")
                .patch("/api/v1/locations").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS, POST");
        asAdmin()
                .delete("/api/v1/locations/00000000-0000-7000-8000-000000000001").then().statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS, PATCH");
    }

    @Test
    void options_needs_a_token_and_lists_only_what_answers() {
        io.restassured.RestAssured.given().options("/api/v1/locations").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        String allow = asAdmin().options("/api/v1/locations")
                .then().statusCode(204).extract().header("Allow");
        assertThat(Set.of(allow.split(", "))).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS", "POST");
        // Every method it lists answers something other than 404 or 405.
        for (String method : allow.split(", ")) {
            int status = asAdmin().contentType("application/json")
                    .body(method.equals("POST") ? "{}" : "").request(method, "/api/v1/locations").statusCode();
            assertThat(status).as(method).isNotIn(404, 405);
        }
        asAdmin().options("/api/v1/no-such-thing").then().statusCode(404);
    }

    @Test
    void a_chunk_size_that_is_no_number_changes_nothing_and_the_service_goes_on() throws Exception {
        String unique = Api.unique("Chunk");
        String body = "{\"firstName\":\"" + unique + "\",\"lastName\":\"Lovelace\",\"dateOfBirth\":\"1990-12-10\"}";
        try (Socket socket = new Socket(patients.getHost(), patients.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/patients HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + Tokens.admin()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" + body
                    + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes();
            // Vert.x closes the connection on framing it cannot read, before any answer can be written.
            assertThat(new String(answer, StandardCharsets.US_ASCII)).doesNotStartWith("HTTP/1.1 2");
        }
        asAdmin().queryParam("q", unique).get("/api/v1/patients").then().statusCode(200).body("items.size()", equalTo(0));
    }
}
