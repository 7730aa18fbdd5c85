package com.needleclinic.scheduling;

import com.needleclinic.support.Db;
import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static com.needleclinic.scheduling.Clinic.at;
import static com.needleclinic.scheduling.Clinic.inDays;
import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.createPatient;
import static org.assertj.core.api.Assertions.assertThat;

/** Rule 3 under real concurrency: the exclusion constraints, not the Java pre-checks, decide. */
@QuarkusTest
class DoubleBookingRaceTest {

    private static final int THREADS = 50;

    @Inject
    AgroalDataSource db;

    @Test
    void fifty_desks_booking_one_practitioner_slot_at_once_get_one_appointment() throws Exception {
        Clinic clinic = new Clinic();
        UUID practitioner = clinic.imsPractitioner(null);
        String start = at(inDays(40), "10:00");
        List<UUID> patients = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            patients.add(createPatient());
        }
        List<Response> responses = race(i -> clinic.booking(patients.get(i), practitioner, clinic.imsService, start));

        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() != 201)
                .hasSize(THREADS - 1)
                .allSatisfy(r -> {
                    assertThat(r.statusCode()).isEqualTo(409);
                    assertThat(r.<String>path("code")).isEqualTo("slot-unavailable");
                });
        assertThat(Db.count(db, "select count(*) from appointment where practitioner_id = ?", practitioner)).isEqualTo(1);
    }

    @Test
    void one_patient_booked_with_fifty_practitioners_at_once_gets_one_appointment() throws Exception {
        Clinic clinic = new Clinic();
        UUID patient = createPatient();
        String start = at(inDays(41), "10:00");
        List<UUID> practitioners = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            practitioners.add(clinic.imsPractitioner(null));
        }
        List<Response> responses = race(i -> clinic.booking(patient, practitioners.get(i), clinic.imsService, start));

        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() != 201)
                .allSatisfy(r -> assertThat(r.<String>path("code")).isEqualTo("patient-double-booked"));
        assertThat(Db.count(db, "select count(*) from appointment where patient_id = ?", patient)).isEqualTo(1);
    }

    private static List<Response> race(IntFunction<Map<String, Object>> body) throws Exception {
        String token = Tokens.frontDesk();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Map<String, Object> request = body.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                return as(token).body(request).post("/api/v1/appointments");
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get());
        }
        pool.shutdown();
        return responses;
    }

}
