package com.needleclinic.shared;

/** A refusal that a retry after {@code Retry-After} seconds may not meet ({@code 429}, {@code 503}). */
public class RetryLater extends DomainException {

    private final int retryAfterSeconds;

    public RetryLater(int status, String code, String title, String detail, int retryAfterSeconds) {
        super(status, code, title, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
