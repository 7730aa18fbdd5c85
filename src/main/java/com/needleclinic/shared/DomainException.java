package com.needleclinic.shared;

import java.util.List;

/**
 * A broken business rule or a refused request, carrying the HTTP status and the stable problem
 * {@code code} (docs/rules.md). Features subclass it with names that say what went wrong.
 */
public abstract class DomainException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final transient List<Problem.FieldError> errors;

    protected DomainException(int status, String code, String title, String detail) {
        this(status, code, title, detail, null);
    }

    protected DomainException(int status, String code, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Problem toProblem() {
        Problem problem = Problem.of(status, code, title, getMessage());
        return errors == null ? problem : problem.withErrors(errors);
    }
}
