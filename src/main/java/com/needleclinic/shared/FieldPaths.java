package com.needleclinic.shared;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;

/** Names the offending field of a Bean Validation violation or a Jackson error. */
final class FieldPaths {

    private FieldPaths() {
    }

    static String of(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        boolean inBody = false;
        for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> {
                    path.setLength(0);
                    path.append(node.getName());
                    inBody = false;
                }
                default -> {
                    if (!inBody) {
                        path.setLength(0);
                        inBody = true;
                    }
                    append(path, node);
                }
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** A node inside a list carries its position: {@code sites[0].depthMm}. */
    private static void append(StringBuilder path, jakarta.validation.Path.Node node) {
        if (node.isInIterable() && node.getIndex() != null) {
            path.append('[').append(node.getIndex()).append(']');
        }
        if (node.getName() == null || node.getName().startsWith("<")) {
            return; // "<list element>" and friends: the index above already names it
        }
        if (!path.isEmpty()) {
            path.append('.');
        }
        path.append(node.getName());
    }

    static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "int", "Integer", "long", "Long", "short", "Short" -> "an integer";
            case "boolean", "Boolean" -> "true or false";
            case "String" -> "a string";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "LocalTime" -> "a local time (HH:mm)";
            case "OffsetDateTime", "Instant", "ZonedDateTime" -> "an ISO-8601 instant with offset";
            case "UUID" -> "a UUID";
            default -> type.isArray() || java.util.Collection.class.isAssignableFrom(type) ? "an array" : "an object";
        };
    }
}
