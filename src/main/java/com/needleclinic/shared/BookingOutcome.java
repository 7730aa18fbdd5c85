package com.needleclinic.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that places a visit in the calendar; {@link BookingOutcomes} counts its answers
 * by outcome (docs/operations.md, "What to watch").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BookingOutcome {

    /** The operation's tag: {@code book}, {@code reschedule}, {@code course}, {@code accept-offer}. */
    String value();
}
