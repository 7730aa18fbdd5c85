package com.needleclinic.scheduling;

import com.needleclinic.support.Api;
import com.needleclinic.support.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write refused by a constraint behind a savepoint leaves the transaction usable (a SKIP course,
 * a waitlist hold): the pool refuses {@code Connection.rollback(Savepoint)} inside a JTA
 * transaction, so this once answered 500 instead of carrying on.
 */
@QuarkusTest
class InsertUnlessRefusedTest {

    private static final ZoneId ZONE = ZoneId.of("America/Edmonton");

    @Inject
    AppointmentRepository appointments;

    @Inject
    AgroalDataSource db;

    @Test
    void a_refused_insert_rolls_back_to_its_savepoint_and_the_transaction_commits_the_rest() {
        Api.NeedlingClinic clinic = Api.needlingClinic(ZONE);
        UUID location = clinic.location();
        UUID service = clinic.service();
        UUID practitioner = clinic.practitioner();
        LocalDate day = LocalDate.now(ZONE).plusWeeks(3);
        Instant nine = ZonedDateTime.of(day, LocalTime.of(9, 0), ZONE).toInstant();
        asAdmin().body(Map.of("patientId", Api.createPatient().toString(), "practitionerId", practitioner.toString(),
                        "serviceId", service.toString(), "locationId", location.toString(),
                        "start", nine.atZone(ZONE).toOffsetDateTime().toString()))
                .post("/api/v1/appointments").then().statusCode(201);

        Appointment clash = new Appointment(Api.createPatient(), practitioner, service, location,
                new Appointment.Slot(nine, nine.plusSeconds(1800), day));
        Appointment later = new Appointment(Api.createPatient(), practitioner, service, location,
                new Appointment.Slot(nine.plusSeconds(3600), nine.plusSeconds(5400), day));
        Optional<String>[] refused = new Optional[2];
        QuarkusTransaction.requiringNew().run(() -> {
            refused[0] = appointments.insertUnlessRefused(clash);
            refused[1] = appointments.insertUnlessRefused(later);
        });

        assertThat(refused[0]).contains("appointment_practitioner_no_overlap");
        assertThat(refused[1]).isEmpty();
        assertThat(Db.count(db, "select count(*) from appointment where id = ?", later.id())).isEqualTo(1);
        assertThat(Db.count(db, "select count(*) from appointment where id = ?", clash.id())).isZero();
    }
}
