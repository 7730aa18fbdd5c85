package com.needleclinic.shared;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code code} is the stable, machine-readable reason that clients
 * branch on; {@code title} and {@code detail} are for people.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String instance,
                      List<FieldError> errors, @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "https://needleclinic.dev/problems/";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_PREFIX + code, title, status, detail, code, null, null, Map.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, code, instance, fieldErrors, extensions);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, code, path, errors, extensions);
    }

    /** RFC 9457 extension members beside the standard ones (a refused course lists its occurrences). */
    public Problem withExtension(String name, Object value) {
        Map<String, Object> more = new java.util.LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(type, title, status, detail, code, instance, errors, Map.copyOf(more));
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    /** One invalid input: {@code field} is a JSON path into the body ({@code sites[0].depthMm}) or a parameter name. */
    public record FieldError(String field, String message) {
    }
}
