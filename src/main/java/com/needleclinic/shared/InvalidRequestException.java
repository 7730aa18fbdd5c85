package com.needleclinic.shared;

import java.util.List;

/** Input that cannot be accepted as sent; lists each offending field. */
public class InvalidRequestException extends DomainException {
    public InvalidRequestException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    /**
     * Looks up what a request body refers to: an id that names nothing is a bad field of the
     * request (400), not a missing page (404).
     */
    public static <T> T referenced(String field, java.util.function.Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (ResourceNotFoundException e) {
            throw unknownReference(field);
        }
    }

    /** The field names an id that refers to nothing. */
    public static InvalidRequestException unknownReference(String field) {
        return new InvalidRequestException(List.of(unknownReferenceError(field)));
    }

    /** The same, as one of several field errors. */
    public static Problem.FieldError unknownReferenceError(String field) {
        return new Problem.FieldError(field, "does not exist");
    }

    public InvalidRequestException(List<Problem.FieldError> errors) {
        super(400, "validation-failed", "Invalid request", "The request has invalid fields", errors);
    }
}
