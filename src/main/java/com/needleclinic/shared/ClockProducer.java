package com.needleclinic.shared;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one source of "now"; rules take it injected so tests can pin it. */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        // Microseconds, PostgreSQL's precision: an instant reads the same in the answer that wrote
        // it and in every later read (signedAt was ...21.360002631Z, then ...21.360003Z).
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));
    }
}
