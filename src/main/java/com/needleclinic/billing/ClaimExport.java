package com.needleclinic.billing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Claim exports for insurers, streamed: rows come from a server-side cursor a page at a time and
 * go straight to the response, so pulling 100,000 claims never holds them all in memory.
 */
@ApplicationScoped
class ClaimExport {

    static final List<String> CSV_COLUMNS = List.of("id", "insurerId", "insurerCode", "status", "serviceDate",
            "patientFirstName", "patientLastName", "patientDateOfBirth", "policyNumber", "memberId", "relationship",
            "practitionerName", "practitionerDiscipline", "practitionerRegistrationNumber",
            "practitionerRegistrationBody", "practitionerProvince", "locationName", "locationProvince", "serviceName",
            "billingCode", "modality", "amountCents", "currency", "appointmentId", "submittedAt", "adjudicationOutcome",
            "paidCents", "adjudicationReason", "adjudicatedAt");
    private static final int FETCH_SIZE = 500;

    private final AgroalDataSource dataSource;
    private final JsonFactory json = new JsonFactory();

    ClaimExport(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    StreamingOutput csv(ClaimService.Export export) {
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writeCsvRow(writer, CSV_COLUMNS);
            each(export, claim -> writeCsvRow(writer, csvFields(claim)));
            writer.flush();
        };
    }

    StreamingOutput fhir(ClaimService.Export export) {
        return out -> {
            try (JsonGenerator gen = json.createGenerator(nonClosing(out))) {
                FhirClaims.startBundle(gen, Instant.now());
                each(export, claim -> {
                    try {
                        FhirClaims.writeEntry(gen, claim);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                FhirClaims.endBundle(gen);
            }
        };
    }

    /**
     * Streams the export's claims to {@code consumer} a batch at a time; each batch is written to the
     * audit trail (committed) before any claim of it is sent.
     */
    private void each(ClaimService.Export export, ClaimConsumer consumer) throws IOException {
        List<Row> batch = new ArrayList<>(FETCH_SIZE);
        Runnable send = () -> {
            export.audit().accept(batch.stream().map(r -> new ClaimService.Exported(r.claim().id(), r.patientId())).toList());
            for (Row row : batch) {
                consumer.accept(row.claim());
            }
            batch.clear();
        };
        rows(export.filter(), row -> {
            batch.add(row);
            if (batch.size() == FETCH_SIZE) {
                send.run();
            }
        });
        if (!batch.isEmpty()) {
            send.run();
        }
    }

    private record Row(ClaimView claim, UUID patientId) {
    }

    private void rows(ClaimFilter filter, java.util.function.Consumer<Row> consumer) throws IOException {
        List<Object> params = new ArrayList<>();
        String sql = "select * from claim c where " + filter.where(params) + " order by " + filter.order();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // the PostgreSQL driver streams with a cursor only inside a transaction
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < params.size(); i++) {
                    statement.setObject(i + 1, params.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(new Row(view(rows), rows.getObject("patient_id", UUID.class)));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("claim export failed", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ClaimView view(ResultSet r) throws SQLException {
        ClaimSnapshot snapshot = new ClaimSnapshot(r.getObject("note_id", UUID.class), r.getObject("appointment_id", UUID.class),
                r.getObject("patient_id", UUID.class), r.getObject("coverage_id", UUID.class),
                r.getObject("insurer_id", UUID.class), r.getObject("service_date", java.time.LocalDate.class),
                r.getString("patient_first_name"), r.getString("patient_last_name"),
                r.getObject("patient_date_of_birth", java.time.LocalDate.class), r.getString("policy_number"),
                r.getString("member_id"), r.getString("relationship"), r.getString("practitioner_name"),
                r.getString("practitioner_discipline"), r.getString("practitioner_registration_number"),
                r.getString("practitioner_province"), r.getString("service_name"), r.getString("billing_code"),
                r.getString("modality"), r.getLong("amount_cents"), r.getString("currency"),
                r.getString("practitioner_registration_body"), r.getString("location_name"),
                r.getString("location_province"), r.getString("insurer_code"));
        Claim.Status status = Claim.Status.valueOf(r.getString("status"));
        Timestamp adjudicated = r.getTimestamp("adjudicated_at");
        ClaimView.Adjudication adjudication = adjudicated == null ? null : new ClaimView.Adjudication(status,
                (Long) r.getObject("paid_cents"), r.getString("adjudication_reason"), adjudicated.toInstant());
        return ClaimView.of(r.getObject("id", UUID.class), status, snapshot, r.getTimestamp("created_at").toInstant(),
                adjudication);
    }

    /** One row: the JSON's fields in {@link #CSV_COLUMNS} order; an empty cell for an absent value. */
    static List<String> csvFields(ClaimView c) {
        ClaimView.Adjudication a = c.adjudication();
        return List.of(c.id().toString(), c.insurerId().toString(), c.insurerCode(), c.status().name(),
                c.serviceDate().toString(), c.patient().firstName(), c.patient().lastName(),
                c.patient().dateOfBirth().toString(), c.policyNumber(), c.memberId(), c.relationship(),
                c.practitioner().name(), c.practitioner().discipline(), c.practitioner().registrationNumber(),
                c.practitioner().registrationBody(), c.practitioner().province(), c.location().name(),
                c.location().province(), c.service().name(), c.service().billingCode(),
                c.service().modality() == null ? "" : c.service().modality(), Long.toString(c.amountCents()),
                c.currency(), c.appointmentId().toString(), c.submittedAt().toString(),
                a == null ? "" : a.outcome().name(), a == null || a.paidCents() == null ? "" : a.paidCents().toString(),
                a == null || a.reason() == null ? "" : a.reason(), a == null ? "" : a.at().toString());
    }

    /**
     * RFC 4180: CRLF line ends; a field with a comma, quote or line break is quoted, quotes doubled.
     * No cell may be evaluated as a formula by the spreadsheet an insurer opens it in (OWASP "CSV
     * injection"): a field starting with {@code = + - @}, a tab or a carriage return gets a leading
     * apostrophe, which spreadsheets show as text and do not evaluate. The stored value is unchanged:
     * JSON and FHIR carry it as it is.
     */
    static void writeCsvRow(Writer writer, List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                String field = asText(fields.get(i));
                if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                        || field.indexOf('\r') >= 0) {
                    writer.write('"');
                    writer.write(field.replace("\"", "\"\""));
                    writer.write('"');
                } else {
                    writer.write(field);
                }
            }
            writer.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A field a spreadsheet would read as a formula, prefixed so that it reads as text. */
    static String asText(String field) {
        if (!field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0) {
            return "'" + field;
        }
        return field;
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    @FunctionalInterface
    interface ClaimConsumer {
        void accept(ClaimView claim);
    }
}
