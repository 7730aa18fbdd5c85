package com.needleclinic.shared;

import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Request bodies reach their endpoint whichever HTTP version and framing the client uses:
 * {@code RequestBodies} reads HTTP/1.x bodies before the endpoint runs, and leaves HTTP/2 ones
 * (h2c, Java's HttpClient default) to Quarkus REST.
 */
@QuarkusTest
class RequestBodyTest {

    private static HttpResponse<String> post(HttpClient.Version version, String path, String body, boolean chunked)
            throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + Tokens.admin())
                .header("Content-Type", "application/json")
                .POST(publisher)
                .build();
        HttpClient client = HttpClient.newBuilder().version(version).build();
        // twice on one client: the first request of an h2c connection is the upgrade, the second a
        // plain HTTP/2 stream
        client.send(request, HttpResponse.BodyHandlers.ofString());
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String location(String name) {
        return "{\"name\":\"" + name + "\",\"timeZone\":\"America/Vancouver\",\"province\":\"BC\"}";
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void a_body_with_a_declared_length_is_read(HttpClient.Version version) throws Exception {
        String name = "Body " + version + " " + UUID.randomUUID();

        HttpResponse<String> response = post(version, "/api/v1/locations", location(name), false);

        assertThat(response.version()).isEqualTo(version);
        assertThat(response.statusCode()).isEqualTo(201);
        String id = response.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        asAdmin().get("/api/v1/locations/" + id).then().statusCode(200).body("name", equalTo(name));
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void a_body_of_unknown_length_is_read(HttpClient.Version version) throws Exception {
        String name = "Streamed " + version + " " + UUID.randomUUID();

        HttpResponse<String> response = post(version, "/api/v1/locations", location(name), true);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains(name);
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void malformed_json_is_a_400_problem(HttpClient.Version version) throws Exception {
        HttpResponse<String> response = post(version, "/api/v1/locations", "{\"name\":", false);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"malformed-json\"");
    }
}
