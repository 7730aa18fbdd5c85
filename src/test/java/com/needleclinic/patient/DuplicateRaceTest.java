package com.needleclinic.patient;

import com.needleclinic.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.patientBody;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class DuplicateRaceTest {

    @Test
    void desks_registering_the_same_walk_in_at_once_create_one_patient() throws Exception {
        Map<String, Object> body = patientBody();
        int desks = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(desks);
        List<Future<Response>> results = new ArrayList<>();
        String token = Tokens.frontDesk();
        for (int i = 0; i < desks; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return as(token).body(body).post("/api/v1/patients");
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> result : results) {
            Response response = result.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 409) {
                assertThat(response.<String>path("code")).isEqualTo("possible-duplicate");
            }
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        List<String> found = as(Tokens.frontDesk()).queryParam("q", body.get("firstName")).get("/api/v1/patients")
                .then().statusCode(200).extract().path("items.id");
        assertThat(found).hasSize(1);
    }
}
