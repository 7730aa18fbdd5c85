package com.needleclinic.scheduling;

import com.needleclinic.support.Db;
import com.needleclinic.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.scheduling.Clinic.at;
import static com.needleclinic.scheduling.Clinic.inDays;
import static com.needleclinic.support.Api.as;
import static com.needleclinic.support.Api.createPatient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A booking is written without a JTA transaction of its own (docs/performance.md): the
 * appointment and its audit row travel as one message, which PostgreSQL runs as one implicit
 * transaction; with an {@code Idempotency-Key}, they join the transaction that also stores the
 * response. Each test makes the last write of that unit fail in the database and requires that
 * nothing of it remains. The failures come from constraints added for the test, scoped to one
 * test's own caller or key so no other booking is touched, and dropped afterwards.
 */
@QuarkusTest
class BookingAtomicityTest {

    @Inject
    AgroalDataSource db;

    @Test
    void an_appointment_whose_audit_row_cannot_be_written_is_not_booked() throws Exception {
        Clinic clinic = new Clinic();
        UUID practitioner = clinic.imsPractitioner(null);
        UUID patient = createPatient();
        String desk = "desk-" + UUID.randomUUID();
        Map<String, Object> body = clinic.booking(patient, practitioner, clinic.imsService, at(inDays(30), "10:00"));

        withConstraint("alter table audit_event add constraint test_refuses_desk check (actor <> '" + desk + "') not valid",
                "alter table audit_event drop constraint test_refuses_desk",
                () -> as(Tokens.withSubject("front-desk", desk)).body(body).post("/api/v1/appointments")
                        .then().statusCode(409).body("code", equalTo("conflict")));

        assertThat(Db.count(db, "select count(*) from appointment where practitioner_id = ?", practitioner)).isZero();
        assertThat(Db.count(db, "select count(*) from audit_event where actor = ?", desk)).isZero();
        as(Tokens.withSubject("front-desk", desk)).body(body).post("/api/v1/appointments").then().statusCode(201);
    }

    @Test
    void a_keyed_booking_whose_response_cannot_be_stored_is_not_booked_and_frees_its_key() throws Exception {
        Clinic clinic = new Clinic();
        UUID practitioner = clinic.imsPractitioner(null);
        Map<String, Object> body = clinic.booking(createPatient(), practitioner, clinic.imsService,
                at(inDays(30), "11:00"));
        String key = "key-" + UUID.randomUUID();

        withConstraint("alter table idempotency_key add constraint test_refuses_key"
                        + " check (idem_key <> '" + key + "' or state <> 'COMPLETED') not valid",
                "alter table idempotency_key drop constraint test_refuses_key",
                () -> as(Tokens.frontDesk()).header("Idempotency-Key", key).body(body).post("/api/v1/appointments")
                        .then().statusCode(409).body("code", equalTo("conflict")));

        assertThat(Db.count(db, "select count(*) from appointment where practitioner_id = ?", practitioner)).isZero();
        assertThat(Db.count(db, "select count(*) from idempotency_key where idem_key = ?", key)).isZero();
        String id = as(Tokens.frontDesk()).header("Idempotency-Key", key).body(body).post("/api/v1/appointments")
                .then().statusCode(201).extract().path("id");
        as(Tokens.frontDesk()).header("Idempotency-Key", key).body(body).post("/api/v1/appointments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
    }

    private void withConstraint(String add, String drop, Runnable test) throws SQLException {
        execute(add);
        try {
            test.run();
        } finally {
            execute(drop);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
