package com.needleclinic.events;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells waiters in this instance that the feed has advanced - numbered here by the
 * {@link Sequencer}, or in another instance and heard through PostgreSQL's {@code NOTIFY}
 * ({@link FeedListener}). A waiter reads {@link #generation()} before it looks at the feed and
 * waits for a change after, so no advance between the two is missed.
 */
@ApplicationScoped
public class FeedSignal {

    private long generation;

    synchronized void advanced() {
        generation++;
        notifyAll();
    }

    public synchronized long generation() {
        return generation;
    }

    /** Waits until the generation differs from {@code seen} or the time is up; true if it changed. */
    public synchronized boolean awaitChange(long seen, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (generation == seen) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
