package com.needleclinic.scheduling;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.needleclinic.support.Api.asAdmin;
import static org.hamcrest.Matchers.equalTo;

/**
 * Overload is not an internal error: a request that cannot get a database connection in time is
 * a 503 "overloaded" with Retry-After, never a 500 (the pool is shrunk to make it happen here).
 */
@QuarkusTest
@TestProfile(OverloadTest.TinyPool.class)
class OverloadTest {

    public static class TinyPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "3", "quarkus.datasource.jdbc.min-size", "0",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S");
        }
    }

    @Inject
    AgroalDataSource db;

    @Test
    void a_request_that_finds_every_connection_busy_is_answered_503_overloaded() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(db.getConnection());
            }
            asAdmin().get("/api/v1/locations").then().statusCode(503)
                    .body("code", equalTo("overloaded"))
                    .header("Retry-After", "1")
                    .contentType("application/problem+json");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        asAdmin().get("/api/v1/locations").then().statusCode(200);
    }
}
