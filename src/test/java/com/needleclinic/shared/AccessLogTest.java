package com.needleclinic.shared;

import com.needleclinic.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log (docs/operations.md, "Logs"): a line per request with method, path, status,
 * size and time, and nothing a query string or a stray path segment could carry.
 */
@QuarkusTest
@TestProfile(AccessLogTest.Enabled.class)
class AccessLogTest {

    static final Path LOG = Path.of("target", "access-log-test.log");

    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.access-log.enabled", "true", "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString());
        }
    }

    @Test
    void a_line_per_request_without_the_query_string_or_unknown_segments() throws Exception {
        UUID patient = Api.createPatient();
        asAdmin().queryParam("q", "Lovelace").get("/api/v1/patients").then().statusCode(200);
        asAdmin().queryParam("phone", "6045550100").get("/api/v1/patients");
        asAdmin().get("/api/v1/patients/{id}", patient).then().statusCode(200);
        asAdmin().get("/api/v1/patients/Ada Lovelace/consents").then().statusCode(404);

        List<String> lines = awaitLines(5);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("GET /api/v1/patients 200 ").contains(" ms "));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("GET /api/v1/patients/" + patient + " 200 "));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("GET /api/v1/patients/{?}/consents 404 "));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("POST /api/v1/patients 201 "));
        assertThat(String.join("\n", lines)).doesNotContain("Lovelace", "6045550100", "?q", "Ada");
    }

    @Test
    void only_route_literals_uuids_and_numbers_are_kept() {
        Set<String> literals = AccessLog.routeLiterals();
        assertThat(literals).contains("api", "v1", "patients", "treatment-notes", "webhook-subscriptions", "q");
        assertThat(AccessLog.path("/api/v1/events", literals)).isEqualTo("/api/v1/events");
        assertThat(AccessLog.path("/api/v1/patients/smith", literals)).isEqualTo("/api/v1/patients/{?}");
        assertThat(AccessLog.path("/api/v1/claims/12", literals)).isEqualTo("/api/v1/claims/12");
        assertThat(AccessLog.path("/a/b/c/d/e/f/g/h/i/j/k/l/m/n", literals)).endsWith("/...");
    }

    private static List<String> awaitLines(int atLeast) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        List<String> access = List.of();
        while (Instant.now().isBefore(deadline)) {
            access = Files.exists(LOG) ? Files.readAllLines(LOG).stream()
                    .filter(l -> l.contains(".access] ")).toList() : List.of();
            if (access.size() >= atLeast + 1) {
                return access;
            }
            Thread.sleep(100);
        }
        return access;
    }
}
