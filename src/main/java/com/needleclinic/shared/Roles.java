package com.needleclinic.shared;

/** The roles of docs/rules.md, as carried in the token's {@code groups} claim. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String FRONT_DESK = "front-desk";
    public static final String PRACTITIONER = "practitioner";
    public static final String INSURER = "insurer";
    /**
     * Software the clinic connects (reminders, analytics): reads the event feed and manages its own
     * webhook subscriptions, nothing else (docs/events.md, "Who may read events").
     */
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}
