package com.needleclinic.shared;

import java.util.List;

/** Input that cannot be accepted as sent; lists each offending field. */
public class InvalidRequestException extends DomainException {
    public InvalidRequestException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public InvalidRequestException(List<Problem.FieldError> errors) {
        super(400, "validation-failed", "Invalid request", "The request has invalid fields", errors);
    }
}
