package com.needleclinic.shared;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.BatchUpdateException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** No log record leaves with a bound value or an exception message (docs/reliability.md, "Logs"). */
class LogRedactionTest {

    private static final String MARKER = "MARKER-Hyacinth-Bucket-604-555-0199";

    private static String printed(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void an_exception_keeps_its_classes_states_and_frames_but_no_message() {
        PSQLException cause = new PSQLException("ERROR: new row violates check constraint\n  Detail: Failing row contains ("
                + MARKER + ")", PSQLState.CHECK_VIOLATION);
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 insert into patient values ('" + MARKER
                + "') was aborted", "23514", 0, new int[0], cause);
        RuntimeException wrapped = new IllegalStateException("could not execute batch with " + MARKER, batch);
        LogRecord record = new LogRecord(Level.SEVERE, "Unexpected error");
        record.setThrown(wrapped);

        new LogRedaction().isLoggable(record);

        String text = printed(record.getThrown());
        assertThat(text).doesNotContain(MARKER).doesNotContain("Failing row")
                .contains("java.lang.IllegalStateException").contains("java.sql.BatchUpdateException SQLSTATE 23514")
                .contains("org.postgresql.util.PSQLException SQLSTATE 23514")
                .contains("LogRedactionTest.an_exception_keeps_its_classes_states_and_frames_but_no_message");
    }

    @Test
    void a_message_quoting_a_database_error_is_cut_before_the_values() {
        LogRecord record = new LogRecord(Level.WARNING, "ERROR: duplicate key value violates unique constraint \"patient_email\"\n"
                + "  Detail: Key (email)=(" + MARKER + ") already exists.");
        new LogRedaction().isLoggable(record);
        assertThat(record.getMessage()).doesNotContain(MARKER).contains("violates unique constraint \"patient_email\"");

        LogRecord batch = new LogRecord(Level.WARNING, "HHH000315: Exception executing batch [%s], SQL: %s");
        batch.setParameters(new Object[]{"Batch entry 0 insert into patient (first_name) values (('" + MARKER + "'))", "x"});
        new LogRedaction().isLoggable(batch);
        assertThat(String.valueOf(java.util.Arrays.asList(batch.getParameters()))).doesNotContain(MARKER);
    }

    @Test
    void an_ordinary_message_with_ids_passes_untouched() {
        LogRecord record = new LogRecord(Level.INFO, "Claim %s submitted to insurer %s");
        record.setParameters(new Object[]{"0192-a", "0192-b"});
        new LogRedaction().isLoggable(record);
        assertThat(record.getMessage()).isEqualTo("Claim %s submitted to insurer %s");
        assertThat(record.getParameters()).containsExactly("0192-a", "0192-b");
    }
}
