package com.needleclinic.waitlist;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Waitlist settings (docs/rules.md, "Waitlist and offers"); the first is part of the deployment contract. */
@ConfigMapping(prefix = "clinic.waitlist")
interface WaitlistConfig {

    /** {@code CLINIC_WAITLIST_HOLD_MINUTES}: how long an offer holds its slot for the patient's answer. */
    @WithDefault("15")
    int holdMinutes();

    /** How often each instance looks for expired holds and freed time it was not told about. */
    @WithDefault("5S")
    Duration poll();

    default Duration hold() {
        return Duration.ofMinutes(Math.max(1, holdMinutes()));
    }
}
