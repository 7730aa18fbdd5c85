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
 * The top-level openapi.yaml is the contract clients code against, and the service serves it as
 * written (annotation scanning is off). This fails when the served document differs from the
 * file, when the code routes an operation the file lacks (or the reverse), or when a documented
 * operation answers without authentication.
 */
@QuarkusTest
class OpenApiDriftTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    /**
     * The served document is the file, byte for byte in meaning: the same paths, operations,
     * parameters, request bodies, responses and component schemas. A client generated from
     * /q/openapi and one generated from openapi.yaml get the same types.
     */
    @Test
    void served_contract_is_the_file_as_written() throws Exception {
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(new File("openapi.yaml"));
        JsonNode served = new ObjectMapper().readTree(given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString());

        assertThat(operations(served)).as("operations served at /q/openapi vs. openapi.yaml")
                .containsExactlyElementsOf(operations(file));
        assertThat(served.path("components").path("schemas").size()).as("component schemas")
                .isEqualTo(file.path("components").path("schemas").size());
        for (String operation : operations(file)) {
            String[] parts = operation.split(" ", 2);
            assertThat(served.path("paths").path(parts[1]).path(parts[0].toLowerCase()))
                    .as(operation).isEqualTo(file.path("paths").path(parts[1]).path(parts[0].toLowerCase()));
        }
        assertThat(served.path("components")).as("components").isEqualTo(file.path("components"));
    }

    /** Every JAX-RS operation in the code is in the file, and the file names no operation the code lacks. */
    @Test
    void routed_operations_are_exactly_the_documented_ones() throws Exception {
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(new File("openapi.yaml"));
        Set<String> documented = new TreeSet<>();
        operations(file).forEach(o -> documented.add(o.replaceAll("\\{[^}]+}", "{}")));
        assertThat(RoutedOperations.inCode()).containsExactlyElementsOf(documented);
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

    /**
     * The limits the schemas state as patterns are the ones the service enforces
     * ({@link com.needleclinic.shared.InputLimits}): every free-text pattern refuses exactly the
     * control characters the service refuses, every date pattern exactly the years outside 1900-2200.
     */
    @Test
    void the_contracts_text_and_year_patterns_are_the_services_limits() throws Exception {
        String contract = java.nio.file.Files.readString(java.nio.file.Path.of("openapi.yaml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pattern: '([^']*)'").matcher(contract);
        Set<String> patterns = new TreeSet<>();
        while (m.find()) {
            patterns.add(m.group(1));
        }
        String text = "^[^\\x00-\\x08\\x0B-\\x1F]*$";
        String year = "^(19[0-9]{2}|2[01][0-9]{2}|2200)-";
        assertThat(patterns).contains(text, year);
        assertThat(contract.split(java.util.regex.Pattern.quote("pattern: '" + text + "'"), -1).length - 1)
                .as("free-text fields carrying the pattern").isGreaterThan(40);
        java.util.regex.Pattern textPattern = java.util.regex.Pattern.compile(text);
        for (char c = 0; c < 0x80; c++) {
            String value = "a" + c + "b";
            assertThat(textPattern.matcher(value).find()).as("U+%04X", (int) c)
                    .isEqualTo(com.needleclinic.shared.InputLimits.textProblem(value) == null);
        }
        java.util.regex.Pattern yearPattern = java.util.regex.Pattern.compile(year);
        for (int y : new int[]{1, 999, 1899, 1900, 1999, 2026, 2199, 2200, 2201, 9999}) {
            java.time.LocalDate date = java.time.LocalDate.of(y, 6, 1);
            assertThat(yearPattern.matcher(date.toString()).find()).as("year %d", y)
                    .isEqualTo(com.needleclinic.shared.InputLimits.dateProblem(date) == null);
        }
        assertThat(yearPattern.matcher("+10000-01-01").find()).isFalse();
    }
}
