package com.needleclinic.shared;

import java.util.Locale;

/** Canadian postal codes: accepted in any case with or without the space, stored as {@code A1A 1A1}. */
public final class PostalCode {

    /** What a request may send (Bean Validation's regexp and the contract's pattern). */
    public static final String ACCEPTED = "[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]";
    public static final String MESSAGE = "must be a Canadian postal code (A1A 1A1)";

    private PostalCode() {
    }

    /** The stored form of an accepted code. */
    public static String normalize(String accepted) {
        String code = accepted.replace(" ", "").toUpperCase(Locale.ROOT);
        return code.substring(0, 3) + " " + code.substring(3);
    }
}
