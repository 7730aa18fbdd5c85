package com.needleclinic.shared;

import java.time.Duration;
import java.util.List;

/**
 * The background loops of an instance (event sequencing, the feed's LISTEN, webhook delivery):
 * each on a daemon thread of its own, started with the application and stopped with it, never on
 * a request's thread.
 */
public final class Daemons {

    private Daemons() {
    }

    public static Thread start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Interrupts the loops (whose own flag already says stop) and waits for each to end, at most {@code grace}. */
    public static void stop(List<Thread> threads, Duration grace) throws InterruptedException {
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
