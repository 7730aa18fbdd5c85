package com.needleclinic.shared;

import java.util.Locale;

/** How contact details are written, for patients and locations alike. */
public final class ContactFormats {

    /** A phone number as typed (any formatting); patients are found by its E.164 form (clinic_e164, V021). */
    public static final String PHONE = "\\+?[0-9 ().-]{7,30}";

    /** A Canadian postal code as a request may send it (any case, with or without the space). */
    public static final String POSTAL_CODE = "[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]";
    public static final String POSTAL_CODE_MESSAGE = "must be a Canadian postal code (A1A 1A1)";

    private ContactFormats() {
    }

    /** The stored form of an accepted postal code: {@code A1A 1A1}. */
    public static String postalCode(String accepted) {
        String code = accepted.replace(" ", "").toUpperCase(Locale.ROOT);
        return code.substring(0, 3) + " " + code.substring(3);
    }
}
