package com.needleclinic.events;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Tells waiters in this instance that the feed has advanced - numbered here by the
 * {@link Sequencer}, or in another instance and heard through PostgreSQL's {@code NOTIFY}
 * ({@link FeedListener}). A waiter reads {@link #generation()} before it looks at the feed and
 * waits for a change after, so no advance between the two is missed.
 */
@ApplicationScoped
public class FeedSignal {

    private long generation;

    /** Long polls waiting without a thread (EventFeed.readAsync), each for a head beyond its own mark. */
    private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();
    /** The highest head this instance has heard of (numbered here, or NOTIFYed by another instance). */
    private volatile long knownHead;

    private record Waiter(long beyond, CompletableFuture<Void> done) {
    }

    /** The feed advanced to {@code head}: wakes the waiters it concerns, and those of the generation. */
    void advanced(long head) {
        synchronized (this) {
            generation++;
            knownHead = Math.max(knownHead, head);
            notifyAll();
        }
        for (Waiter waiter : waiting) {
            if (waiter.beyond() < head) {
                waiter.done().complete(null);
            }
        }
    }

    /** The feed may have advanced, how far unknown (the listener reconnected): every waiter looks. */
    void advancedSomewhere() {
        synchronized (this) {
            generation++;
            notifyAll();
        }
        waiting.forEach(waiter -> waiter.done().complete(null));
    }

    /**
     * Completes once the head is heard to pass {@code beyond} (at once if it already has), or after
     * {@code timeoutMillis}, without holding a thread meanwhile; an advance that ends before
     * {@code beyond} wakes nobody, so a thousand polls waiting past the head cost nothing per event.
     */
    public CompletableFuture<Void> nextHeadBeyond(long beyond, long timeoutMillis) {
        Waiter waiter = new Waiter(beyond, new CompletableFuture<>());
        waiting.add(waiter);
        waiter.done().whenComplete((done, failure) -> waiting.remove(waiter));
        if (knownHead > beyond) {
            waiter.done().complete(null);
        }
        return waiter.done().completeOnTimeout(null, timeoutMillis, TimeUnit.MILLISECONDS);
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
