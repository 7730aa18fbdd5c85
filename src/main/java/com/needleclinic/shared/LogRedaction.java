package com.needleclinic.shared;

import io.quarkus.logging.LoggingFilter;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * The last line of defence for health data in the logs, applied to every log handler: no record
 * leaves with an exception message or a database's description of a failing row.
 *
 * <p>Why: the messages of a failure carry the data that caused it. PostgreSQL's errors name the
 * failing row ("Failing row contains (...)", "Key (email)=(...)"), the JDBC driver's batch errors
 * repeat the whole statement with its bound values ("Batch entry 0 insert ... values (...)"), and
 * Hibernate logs both. Our own code logs ids only; this filter makes that true of the libraries too:
 * <ul>
 * <li>an exception attached to a record is replaced by a copy that keeps the class names, SQLSTATEs
 * and stack frames of the whole cause chain, and drops every message;</li>
 * <li>a message that quotes a database error is cut before the first part that can carry values.</li>
 * </ul>
 * The one message kept is a refused start's ({@link JwtConfigGuard.StartupRefused}): it names the
 * settings to fix and nothing else, and without it an operator cannot tell why the service stopped.
 * {@code LogRedactionTest} sends marked values through every failure path and scans the log.
 */
@LoggingFilter(name = "clinic-redaction")
public final class LogRedaction implements Filter {

    /** Where a database or driver message starts quoting values: everything from here on goes. */
    private static final Pattern VALUES = Pattern.compile(
            "(?is)(\\s*(Detail|Where|Hint|Position|Internal Query|Call getNextException)\\b.*"
                    + "|Failing row contains.*|Key \\(.*|Batch entry \\d+.*|\\bvalues\\s*\\(.*|\\bparameters?\\b.*"
                    + "|\\bbind\\b.*|\\bfor SQL\\b.*|\\[(insert|update|select|delete) .*)");

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getThrown() != null) {
            record.setThrown(redacted(record.getThrown(), new IdentityHashMap<>()));
        }
        String message = record.getMessage();
        if (message != null && VALUES.matcher(message).find()) {
            record.setMessage(redact(message));
            record.setParameters(null);
        } else if (record.getParameters() != null) {
            Object[] parameters = record.getParameters().clone();
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Throwable t) {
                    parameters[i] = describe(t);
                } else if (parameters[i] instanceof String s && VALUES.matcher(s).find()) {
                    parameters[i] = redact(s);
                }
            }
            record.setParameters(parameters);
        }
        return true;
    }

    static String redact(String message) {
        return VALUES.matcher(message).replaceFirst(" [values redacted]");
    }

    /** The class and, for a database error, its SQLSTATE: what a failure is, never what it was about. */
    static String describe(Throwable t) {
        if (t instanceof JwtConfigGuard.StartupRefused refused) {
            return t.getClass().getName() + ": " + refused.getMessage(); // names settings only, for the operator
        }
        String state = t instanceof SQLException sql && sql.getSQLState() != null ? " SQLSTATE " + sql.getSQLState() : "";
        return t.getClass().getName() + state;
    }

    private static Throwable redacted(Throwable original, Map<Throwable, Throwable> done) {
        if (original instanceof Redacted) {
            return original;
        }
        Throwable copy = done.get(original);
        if (copy != null) {
            return copy;
        }
        Redacted result = new Redacted(describe(original));
        done.put(original, result);
        result.setStackTrace(original.getStackTrace());
        Throwable cause = original.getCause();
        if (cause != null && cause != original) {
            result.initCause(redacted(cause, done));
        }
        if (original instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != cause) {
            result.addSuppressed(redacted(sql.getNextException(), done));
        }
        for (Throwable suppressed : original.getSuppressed()) {
            result.addSuppressed(redacted(suppressed, done));
        }
        return result;
    }

    /** Stands in for an exception in the log: its class (and SQLSTATE) as the message, its frames as they were. */
    static final class Redacted extends RuntimeException {
        Redacted(String description) {
            super(description);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
