package com.needleclinic.shared;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How a change wakes a background loop that would otherwise wait for its next poll (the event
 * sequencer, the waitlist's offer worker): {@link #wake} from any thread; {@link #await} returns at
 * the first wake or after the timeout, and forgets the wakes that came meanwhile (one look covers
 * them all).
 */
public final class Wakeup {

    private final Semaphore wakes = new Semaphore(0);

    public void wake() {
        wakes.release();
    }

    public void await(Duration timeout) throws InterruptedException {
        wakes.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        wakes.drainPermits();
    }
}
