package com.needleclinic.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Parses query parameters so that a bad value is a 400 naming the parameter, not a 404. */
public final class QueryParams {

    private QueryParams() {
    }

    /** What an empty value is told (here and in KnownQueryParameters, which sees it first). */
    static final String EMPTY = "must not be empty (leave the parameter out instead)";

    /**
     * Whether a parameter was sent: absent is null; sent empty ({@code status=}) is a 400, never
     * read as absent - a client that meant a value must not get an unfiltered answer.
     */
    public static boolean present(String name, String raw) {
        if (raw == null) {
            return false;
        }
        if (raw.isBlank()) {
            throw new InvalidRequestException(name, EMPTY);
        }
        return true;
    }

    public static LocalDate date(String name, String raw) {
        if (!present(name, raw)) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, "must be a date (YYYY-MM-DD)");
        }
        String problem = InputLimits.dateProblem(date);
        if (problem != null) {
            throw new InvalidRequestException(name, problem);
        }
        return date;
    }

    /** An instant with its offset ({@code 2027-03-01T09:00:00-07:00}; a {@code +} sent unescaped reads as a space). */
    public static java.time.Instant instant(String name, String raw) {
        if (!present(name, raw)) {
            return null;
        }
        java.time.OffsetDateTime time;
        try {
            time = java.time.OffsetDateTime.parse(raw.trim().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, "must be an instant with its offset (2027-03-01T09:00:00Z)");
        }
        String problem = InputLimits.dateProblem(time.toInstant());
        if (problem != null) {
            throw new InvalidRequestException(name, problem);
        }
        return time.toInstant();
    }

    /** A whole number in [min, max], or {@code fallback} when absent; anything else is a 400. */
    public static long number(String name, String raw, long min, long max, long fallback) {
        if (!present(name, raw)) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidRequestException(name, "must be an integer between " + min + " and " + max);
    }

    /** Free text from a query (a search), held to the same limits as text in a body. */
    public static String text(String name, String raw) {
        if (raw == null) {
            return null;
        }
        String problem = InputLimits.textProblem(raw);
        if (problem != null) {
            throw new InvalidRequestException(name, problem);
        }
        return raw;
    }

    /** Inclusive {@code from} and {@code to} dates, either optional; {@code to} before {@code from} is a 400. */
    public static DateRange dateRange(String from, String to) {
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        return new DateRange(fromDate, toDate);
    }

    public record DateRange(LocalDate from, LocalDate to) {
    }

    public static java.util.UUID uuid(String name, String raw) {
        if (!present(name, raw)) {
            return null;
        }
        try {
            return java.util.UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name, "must be a UUID");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (!present(name, raw)) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Boolean bool(String name, String raw) {
        if (!present(name, raw)) {
            return null;
        }
        return switch (raw.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidRequestException(name, "must be true or false");
        };
    }
}
