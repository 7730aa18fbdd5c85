package com.needleclinic.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Applies an RFC 7396 JSON merge patch to a resource's writable fields and validates the result
 * exactly as a create would: a PATCH can never store what a POST would refuse. {@code null}
 * clears a field, an absent field keeps its value.
 */
@ApplicationScoped
public class MergePatch {

    private final ObjectMapper mapper;
    private final Validator validator;

    MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object (merge patch)");
        }
        ObjectNode merged = mapper.valueToTree(current);
        merge(merged, (ObjectNode) patch);
        T result;
        try {
            result = mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw new InvalidPatchException(e);
        }
        requireNullsKept(patch, mapper.valueToTree(result), "");
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    /**
     * {@code null} clears an optional field; a field that comes back with a value after being
     * patched to {@code null} is required (its request gives it a default, e.g. a certification's
     * status or a practitioner's active flag), and a patch never falls back to a default: 400.
     */
    private static void requireNullsKept(JsonNode patch, JsonNode result, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode stored = result.get(field.getKey());
            if (field.getValue().isNull() && stored != null && !stored.isNull()) {
                throw new InvalidRequestException(prefix + field.getKey(), "is required and cannot be cleared");
            }
            if (field.getValue().isObject() && stored != null && stored.isObject()) {
                requireNullsKept(field.getValue(), stored, prefix + field.getKey() + ".");
            }
        }
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(field.getKey());
            if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }

    /** Carries the Jackson error to the problem mapper, which names the field. */
    static final class InvalidPatchException extends RuntimeException {
        InvalidPatchException(JsonProcessingException cause) {
            super(cause);
        }
    }
}
