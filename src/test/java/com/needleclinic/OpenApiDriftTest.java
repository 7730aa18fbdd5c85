package com.needleclinic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top-level openapi.yaml is the contract clients code against. This fails when it and the
 * running service disagree: an endpoint in code but not in the file, one in the file that the
 * service does not route, or one that answers without authentication.
 */
@QuarkusTest
class OpenApiDriftTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    @Test
    void served_operations_are_exactly_the_documented_ones() throws Exception {
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(new File("openapi.yaml"));
        JsonNode served = new ObjectMapper().readTree(given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString());

        assertThat(operations(served)).as("operations served at /q/openapi vs. openapi.yaml")
                .containsExactlyElementsOf(operations(file));
    }

    @Test
    void every_documented_response_code_is_served() throws Exception {
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(new File("openapi.yaml"));
        JsonNode served = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        for (String operation : operations(file)) {
            String[] parts = operation.split(" ", 2);
            JsonNode documented = file.path("paths").path(parts[1]).path(parts[0].toLowerCase()).path("responses");
            JsonNode actual = served.path("paths").path(parts[1]).path(parts[0].toLowerCase()).path("responses");
            documented.fieldNames().forEachRemaining(code ->
                    assertThat(actual.has(code)).as(operation + " serves response " + code).isTrue());
        }
    }

    @Test
    void every_documented_operation_is_routed_and_requires_a_token() throws Exception {
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(new File("openapi.yaml"));
        for (String operation : operations(file)) {
            String[] parts = operation.split(" ", 2);
            String path = parts[1].replaceAll("\\{[^}]+}", "00000000-0000-7000-8000-000000000000");
            int status = given().contentType("application/json").body("{}").request(parts[0], path).statusCode();
            assertThat(status).as(operation + " without a token").isEqualTo(401);
        }
    }

    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            document.path("paths").path(path).fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase() + " " + path);
                }
            });
        }
        return operations;
    }
}
