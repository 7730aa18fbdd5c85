package com.needleclinic.shared;

/** A 409 whose code a feature chooses (e.g. {@code duplicate-registration}). */
public class ConflictException extends DomainException {
    public ConflictException(String code, String title, String detail) {
        super(409, code, title, detail);
    }
}
