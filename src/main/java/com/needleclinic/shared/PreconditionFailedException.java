package com.needleclinic.shared;

/** The client's {@code If-Match} names a version that is no longer current. */
public class PreconditionFailedException extends DomainException {
    public PreconditionFailedException(String detail) {
        super(412, "precondition-failed", "Precondition failed", detail);
    }
}
