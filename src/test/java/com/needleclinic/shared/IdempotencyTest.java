package com.needleclinic.shared;

import com.needleclinic.support.Db;
import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.asAdmin;
import static com.needleclinic.support.Api.practitionerBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class IdempotencyTest {

    @Inject
    AgroalDataSource db;

    @Test
    void a_retry_with_the_same_key_and_body_replays_the_first_response_and_creates_nothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = practitionerBody();
        Response first = asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/practitioners");
        first.then().statusCode(201);

        Response retry = asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/practitioners");
        retry.then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .header("ETag", first.header("ETag"))
                .body("id", equalTo(first.path("id")))
                .body("registrationNumber", equalTo(body.get("registrationNumber")));
        assertThat(Db.count(db, "select count(*) from practitioner where registration_number = ?",
                (String) body.get("registrationNumber"))).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_422_and_creates_nothing() {
        String key = UUID.randomUUID().toString();
        asAdmin().header("Idempotency-Key", key).body(practitionerBody()).post("/api/v1/practitioners").then().statusCode(201);
        Map<String, Object> other = practitionerBody();
        asAdmin().header("Idempotency-Key", key).body(other).post("/api/v1/practitioners").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("idempotency-key-reused"));
        assertThat(Db.count(db, "select count(*) from practitioner where registration_number = ?",
                (String) other.get("registrationNumber"))).isZero();
    }

    @Test
    void the_same_key_on_another_endpoint_counts_as_another_body() {
        String key = UUID.randomUUID().toString();
        asAdmin().header("Idempotency-Key", key).body(com.needleclinic.support.Api.locationBody())
                .post("/api/v1/locations").then().statusCode(201);
        asAdmin().header("Idempotency-Key", key).body(com.needleclinic.support.Api.locationBody())
                .post("/api/v1/insurers").then().statusCode(400); // body invalid for insurers: checked first
        asAdmin().header("Idempotency-Key", key).body(Map.of("name", "Kitsilano", "code", "KITS"))
                .post("/api/v1/insurers").then().statusCode(422).body("code", equalTo("idempotency-key-reused"));
    }

    @Test
    void a_key_belongs_to_its_caller() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = com.needleclinic.support.Api.locationBody();
        String mine = as(Tokens.withSubject("admin", "alice")).header("Idempotency-Key", key).body(body)
                .post("/api/v1/locations").then().statusCode(201).extract().path("id");
        String theirs = as(Tokens.withSubject("admin", "bob")).header("Idempotency-Key", key).body(body)
                .post("/api/v1/locations").then().statusCode(201).header("Idempotent-Replayed", (String) null)
                .extract().path("id");
        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void a_retry_while_the_first_request_runs_is_409_and_an_abandoned_claim_expires() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = com.needleclinic.support.Api.locationBody();
        String subject = "inflight-" + key;
        as(Tokens.withSubject("admin", subject)).header("Idempotency-Key", key).body(body)
                .post("/api/v1/locations").then().statusCode(201);
        // Put the key back into the state a request still running (or crashed) on another instance leaves.
        update("update idempotency_key set state = 'IN_FLIGHT', locked_until = now() + interval '1 minute' "
                + "where caller = ? and idem_key = ?", subject, key);

        as(Tokens.withSubject("admin", subject)).header("Idempotency-Key", key).body(body)
                .post("/api/v1/locations").then().statusCode(409)
                .body("code", equalTo("idempotency-key-in-flight"));

        update("update idempotency_key set locked_until = now() - interval '1 second' where caller = ? and idem_key = ?",
                subject, key);
        as(Tokens.withSubject("admin", subject)).header("Idempotency-Key", key).body(body)
                .post("/api/v1/locations").then().statusCode(201).header("Idempotent-Replayed", (String) null);
    }

    @Test
    void a_failed_request_releases_its_key_for_a_corrected_retry() {
        Map<String, Object> taken = practitionerBody();
        asAdmin().body(taken).post("/api/v1/practitioners").then().statusCode(201);
        String key = UUID.randomUUID().toString();
        asAdmin().header("Idempotency-Key", key).body(taken).post("/api/v1/practitioners").then().statusCode(409)
                .body("code", equalTo("duplicate-registration"));
        asAdmin().header("Idempotency-Key", key).body(practitionerBody()).post("/api/v1/practitioners")
                .then().statusCode(201);
    }

    @Test
    void an_unusable_key_is_a_400() {
        asAdmin().header("Idempotency-Key", "x".repeat(256)).body(com.needleclinic.support.Api.locationBody())
                .post("/api/v1/locations").then().statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void concurrent_retries_with_one_key_create_exactly_one_resource() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = practitionerBody();
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Response>> futures = new ArrayList<>();
        String token = Tokens.admin();
        for (int i = 0; i < threads; i++) {
            Callable<Response> call = () -> {
                start.await();
                return as(token).header("Idempotency-Key", key).body(body).post("/api/v1/practitioners");
            };
            futures.add(pool.submit(call));
        }
        start.countDown();
        int originals = 0;
        List<String> ids = new ArrayList<>();
        for (Future<Response> future : futures) {
            Response response = future.get();
            assertThat(response.statusCode()).isIn(201, 409);
            if (response.statusCode() == 201) {
                ids.add(response.path("id"));
                if (response.header("Idempotent-Replayed") == null) {
                    originals++;
                }
            } else {
                assertThat(response.<String>path("code")).isEqualTo("idempotency-key-in-flight");
            }
        }
        pool.shutdown();
        assertThat(originals).isEqualTo(1);
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(Db.count(db, "select count(*) from practitioner where registration_number = ?",
                (String) body.get("registrationNumber"))).isEqualTo(1);
    }


    private void update(String sql, String caller, String key) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, caller);
            s.setString(2, key);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
