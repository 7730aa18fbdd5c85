package com.needleclinic.shared;

/** The roles of docs/rules.md, as carried in the token's {@code groups} claim. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String FRONT_DESK = "front-desk";
    public static final String PRACTITIONER = "practitioner";
    public static final String INSURER = "insurer";

    private Roles() {
    }
}
