package com.needleclinic.scheduling;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where SQL restates a rule, it states it once and Java names the same value: the longest visit
 * and the certification predicate of rule 1 (V010, R__rules.sql).
 */
@QuarkusTest
class RuleTextTest {

    @Inject
    AgroalDataSource db;

    @Test
    void the_longest_visit_is_the_same_in_java_and_in_the_database() throws SQLException {
        assertThat(query("select extract(epoch from appointment_longest())::bigint"))
                .isEqualTo(String.valueOf(Appointment.LONGEST.toSeconds()));
    }

    @Test
    void every_sql_text_that_bounds_a_visit_names_the_one_function() throws SQLException {
        assertThat(constraint("appointment_at_most_longest")).contains("appointment_longest()");
        assertThat(constraint("clinic_service_duration")).contains("appointment_longest()");
        assertThat(functionSource("booking_facts")).contains("appointment_longest()").doesNotContain("'8 hours'");
    }

    @Test
    void the_rule_1_trigger_uses_the_one_certification_predicate() throws SQLException {
        assertThat(functionSource("appointment_requires_certification"))
                .contains("certification_authorises(c, v_modality, new.local_date)")
                .doesNotContain("c.status = 'ACTIVE'");
    }

    private String constraint(String name) throws SQLException {
        return query("select pg_get_constraintdef(oid) from pg_constraint where conname = '" + name + "'");
    }

    private String functionSource(String name) throws SQLException {
        // the widest form where an older one is kept for a rolling deploy (booking_facts)
        return query("select prosrc from pg_proc where proname = '" + name + "' order by pronargs desc limit 1");
    }

    private String query(String sql) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }
}
