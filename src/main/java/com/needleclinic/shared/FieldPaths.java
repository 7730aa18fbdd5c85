package com.needleclinic.shared;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;

/** Names the offending field of a Bean Validation violation or a Jackson error. */
final class FieldPaths {

    private FieldPaths() {
    }

    static String of(ConstraintViolation<?> violation) {
        String path = rawPath(violation);
        Object bean = violation.getLeafBean();
        int dot = path.lastIndexOf('.');
        String last = path.substring(dot + 1);
        String field = bean == null ? last : jsonField(bean.getClass(), last);
        return dot < 0 ? field : path.substring(0, dot + 1) + field;
    }

    /**
     * A cross-field check ({@code @AssertTrue isReasonPresent()}) is reported by Bean Validation
     * under its method's property ({@code reasonPresent}); the client knows the JSON field it
     * concerns ({@code reason}): the longest field of the request whose name the property starts
     * with. Names that already are fields pass unchanged.
     */
    static String jsonField(Class<?> type, String property) {
        if (!type.isRecord()) {
            return property;
        }
        String best = null;
        for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            if (name.equals(property)) {
                return property;
            }
            if (property.startsWith(name) && Character.isUpperCase(property.charAt(name.length()))
                    && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return best == null ? property : best;
    }

    private static String rawPath(ConstraintViolation<?> violation) {
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
