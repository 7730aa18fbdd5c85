package com.needleclinic.scheduling;

import com.needleclinic.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.needleclinic.support.Api.createPatient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The booking facts run on a plan cached per connection (migrations V008, V009), so that plan
 * must not depend on statistics: one built on an empty database must be the one a full database
 * needs.
 * This builds the function's plan, with the function's own settings, against empty copies of its
 * tables (never analysed, then analysed while empty: the two states that tempt the planner into
 * sequential scans or the wrong index) and against the real tables, and requires the same index
 * for every table each time, no sequential scan, and each appointment window searched from its
 * leading key (practitioner or patient) rather than by a walk of a whole index.
 */
@QuarkusTest
class BookingFactsPlanTest {

    private static final List<String> TABLES = List.of("patient", "practitioner", "certification", "clinic_service",
            "location", "schedule_entry", "time_off", "appointment", "room");

    /** Table and index definition (method and key) for each table the facts read. */
    private static final Set<String> EXPECTED = new TreeSet<>(Set.of(
            "patient USING btree (id)",
            "practitioner USING btree (id)",
            "certification USING btree (practitioner_id, modality)",
            "clinic_service USING btree (id)",
            "location USING btree (id)",
            "schedule_entry USING btree (practitioner_id)",
            "time_off USING gist (practitioner_id, tstzrange(start_at, end_at, '[)'::text))",
            "appointment USING btree (practitioner_id, end_at)",
            "appointment USING btree (patient_id, start_at)"));
    // rooms (V014): the room table (tens of rows in a clinic group) is read through one of its
    // indexes, which one depends on statistics (ROOM_READ); free_room() looks at each room's visits
    // through the exclusion constraint's own GiST index, one room at a time.

    /** The room table's reads: any of its indexes will do for a table of tens of rows, but never a scan. */
    private static final Pattern ROOM_READ = Pattern.compile("room USING btree \\((id|id, location_id|location_id, name)\\)");

    private static final Pattern INDEX_SCAN = Pattern.compile("(?:Index Scan|Index Only Scan|Bitmap Index Scan)"
            + "(?: Backward)?(?: using| on) (\\w+)");

    @Inject
    AgroalDataSource db;

    @Test
    void every_table_is_read_through_the_same_index_from_an_empty_database_to_a_full_one() throws SQLException {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                String home = scalar(sql, "select current_schema()");
                applyFunctionSettings(sql);
                String body = functionBody(sql);

                sql.execute("create schema booking_facts_probe");
                for (String table : TABLES) {
                    sql.execute("create table booking_facts_probe." + table + " (like " + home + "." + table
                            + " including all)");
                }
                sql.execute("set local search_path = booking_facts_probe, " + home);
                assertThat(plan(sql, body, "never_analysed")).as("empty tables, never analysed").isEqualTo(EXPECTED);

                sql.execute("analyze " + String.join(", ", TABLES.stream().map(t -> "booking_facts_probe." + t).toList()));
                assertThat(plan(sql, body, "analysed_empty")).as("empty tables, analysed").isEqualTo(EXPECTED);

                sql.execute("set local search_path = " + home);
                assertThat(plan(sql, body, "real")).as("the real tables").isEqualTo(EXPECTED);
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void the_windows_rely_on_no_appointment_lasting_over_8_hours_which_the_database_guarantees() throws SQLException {
        Clinic clinic = new Clinic();
        UUID practitioner = clinic.imsPractitioner(null);
        LocalDate visit = Clinic.inDays(30);
        String insert = "insert into appointment (id, patient_id, practitioner_id, service_id, location_id, start_at,"
                + " end_at, local_date, status) values (gen_random_uuid(), '" + createPatient() + "', '" + practitioner
                + "', '" + clinic.imsService + "', '" + clinic.location + "', '" + Clinic.at(visit, "08:00") + "', '%s', '"
                + visit + "', 'BOOKED')";
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate(insert.formatted(Clinic.at(visit, "16:01"))))
                    .isInstanceOf(SQLException.class).hasMessageContaining("appointment_at_most_longest");
            assertThat(sql.executeUpdate(insert.formatted(Clinic.at(visit, "16:00")))).isEqualTo(1);
        }
    }

    @Test
    void the_form_an_instance_of_the_previous_version_calls_gives_the_same_facts_and_never_claims() throws SQLException {
        Clinic clinic = new Clinic();
        UUID practitioner = clinic.imsPractitioner(null);
        UUID patient = createPatient();
        Map<String, Object> needsBed = Api.serviceBody("IMS");
        needsBed.put("requiredCapabilities", List.of("TREATMENT_BED"));
        UUID bedService = UUID.fromString(Api.asAdmin().body(needsBed).post("/api/v1/services")
                .then().statusCode(201).extract().path("id"));
        UUID someRoom = UUID.randomUUID();
        String args = "'" + patient + "', '" + practitioner + "', '" + bedService + "', '" + clinic.location + "', '"
                + Clinic.at(Clinic.inDays(30), "09:00") + "', '" + new UUID(0, 0) + "', null, '" + someRoom + "'";
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            String previous = scalar(sql, "select booking_facts(" + args + ")::text");
            assertThat(previous).contains("\"patientFound\" : true").contains("\"room\" : null");
            assertThat(previous).isEqualTo(scalar(sql, "select booking_facts(" + args + ", false)::text"));
            assertThat(scalar(sql, "select booking_facts(" + args + ", true)::text")).contains("\"room\" : \"" + someRoom);
        }
    }

    /** The function's SET clauses, applied to this transaction: the plan is built under them. */
    private static void applyFunctionSettings(Statement sql) throws SQLException {
        List<String> settings = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("select unnest(proconfig) from pg_proc where proname = 'booking_facts' and pronargs = 9")) {
            while (rows.next()) {
                settings.add(rows.getString(1));
            }
        }
        assertThat(settings).containsExactlyInAnyOrder("plan_cache_mode=force_generic_plan", "enable_seqscan=off");
        for (String setting : settings) {
            String[] nameValue = setting.split("=", 2);
            sql.execute("set local " + nameValue[0] + " = " + nameValue[1]);
        }
    }

    /** The query the function returns, with its arguments as numbered parameters. */
    private static String functionBody(Statement sql) throws SQLException {
        String source = scalar(sql, "select prosrc from pg_proc where proname = 'booking_facts' and pronargs = 9");
        String query = source.substring(source.indexOf("return (") + "return (".length(), source.lastIndexOf(");"));
        String[] arguments = {"p_patient", "p_practitioner", "p_service", "p_location", "p_start", "p_self", "p_room",
            "p_prefer", "p_claim"};
        for (int i = 0; i < arguments.length; i++) {
            query = query.replaceAll("\\b" + arguments[i] + "\\b", "\\$" + (i + 1));
        }
        return query;
    }

    /** The generic plan's index reads, as "table USING method (key)"; fails on any sequential scan. */
    private static Set<String> plan(Statement sql, String body, String name) throws SQLException {
        sql.execute("prepare " + name + " (uuid, uuid, uuid, uuid, timestamptz, uuid, uuid, uuid, boolean) as " + body);
        List<String> lines = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("explain (costs off) execute " + name
                + " (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), now(), gen_random_uuid(),"
                + " null, null, false)")) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        sql.execute("deallocate " + name);
        assertThat(lines).as("plan of %s", name).noneMatch(line -> line.contains("Seq Scan"));
        // and each appointment window is searched from its leading key, not by a whole-index scan
        assertThat(lines).as("plan of %s", name)
                .filteredOn(line -> line.contains("Index Cond") && line.contains("end_at >"))
                .singleElement().asString().contains("(practitioner_id = $2) AND (end_at >");
        assertThat(lines).as("plan of %s", name)
                .filteredOn(line -> line.contains("Index Cond") && line.contains("start_at >"))
                .singleElement().asString().contains("(patient_id = $1) AND (start_at >");
        Set<String> reads = new TreeSet<>();
        boolean roomRead = false;
        for (String line : lines) {
            Matcher scan = INDEX_SCAN.matcher(line);
            if (scan.find()) {
                String read = indexDefinition(sql.getConnection(), scan.group(1));
                if (read.startsWith("room ")) {
                    assertThat(read).as("plan of %s", name).matches(ROOM_READ);
                    roomRead = true;
                } else {
                    reads.add(read);
                }
            }
        }
        assertThat(roomRead).as("plan of %s reads the rooms", name).isTrue();
        return reads;
    }

    private static String indexDefinition(Connection connection, String index) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select t.relname, pg_get_indexdef(i.oid) from pg_class i
                  join pg_index x on x.indexrelid = i.oid join pg_class t on t.oid = x.indrelid
                 where i.oid = to_regclass(?)""")) {
            query.setString(1, index);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("index %s", index).isTrue();
                String definition = row.getString(2);
                return row.getString(1) + " " + definition.substring(definition.indexOf("USING "));
            }
        }
    }

    private static String scalar(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
