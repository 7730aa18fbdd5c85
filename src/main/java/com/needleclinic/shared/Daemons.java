package com.needleclinic.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The background loops of a component (event sequencing, the feed's LISTEN, webhook delivery, the
 * waitlist's offers): each on a daemon thread of its own, started with the application and stopped
 * with it, never on a request's thread. One object holds a component's threads and the flag its
 * loops go on by: {@link #running()} is true from {@link #start} until {@link #stop}.
 */
public final class Daemons {

    private final Duration grace;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /** {@code grace}: how long {@link #stop} waits for each loop to end. */
    public Daemons(Duration grace) {
        this.grace = grace;
    }

    public synchronized void start(String name, Runnable loop) {
        running = true;
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Whether the loops should go on. */
    public boolean running() {
        return running;
    }

    /** Tells the loops to stop, interrupts them and waits for each to end, at most the grace each. */
    public synchronized void stop() throws InterruptedException {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(grace.toMillis());
        }
    }

    /** Waits before a loop's next try; false if interrupted meanwhile (the interrupt is kept). */
    public static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
