package com.needleclinic;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Health and metrics answer on the management interface, and only there. */
@QuarkusTest
class HealthTest {

    /** The management interface's port: the test profile asks for a free one (0), and this is the one bound. */
    private static String management(String path) {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class)
                + path;
    }

    @Test
    void readiness_reports_the_database_up() {
        given().get(management("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void liveness_is_up() {
        given().get(management("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheus_metrics_are_exposed() {
        given().get(management("/q/metrics")).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void the_connection_pool_is_measured() {
        given().get(management("/q/metrics")).then().statusCode(200)
                .body(containsString("agroal_active_count"), containsString("agroal_awaiting_count"),
                        containsString("agroal_max_used_count"));
    }

    @Test
    void the_public_port_serves_neither_health_nor_metrics() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
    }
}
