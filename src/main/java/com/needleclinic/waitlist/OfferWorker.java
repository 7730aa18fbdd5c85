package com.needleclinic.waitlist;

import com.needleclinic.shared.Daemons;
import com.needleclinic.shared.Wakeup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every instance runs one: it expires holds whose time is up and offers freed time to the
 * waitlist, woken when a change here freed time and otherwise every {@code clinic.waitlist.poll}
 * (so work another instance left - it crashed, or freed time while this one was idle - is found).
 */
@ApplicationScoped
class OfferWorker {

    /** Openings worked per round before expiry gets its turn again. */
    static final int OPENINGS_PER_ROUND = 50;
    /** An opening left because one of its entries was busy is looked at again this much later. */
    static final Duration DEFERRED_RETRY = Duration.ofMillis(100);

    private final Offers offers;
    private final WaitlistConfig config;
    private final Wakeup wakeup = new Wakeup();
    private final Daemons daemons = new Daemons(Duration.ofSeconds(5));

    /** Rounds by result: worked (made or released offers), idle, deferred (an entry was busy), failed. */
    private final Map<String, Counter> rounds = new HashMap<>();

    OfferWorker(Offers offers, WaitlistConfig config, MeterRegistry metrics) {
        this.offers = offers;
        this.config = config;
        for (String result : List.of("worked", "idle", "deferred", "failed")) {
            rounds.put(result, Counter.builder("clinic.waitlist.rounds").tag("result", result)
                    .description("Waitlist worker rounds on this instance, by result").register(metrics));
        }
    }

    void start(@Observes StartupEvent startup) {
        daemons.start("waitlist-offers", this::run);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        daemons.stop();
    }

    /** Time was freed by a transaction that has committed here: look now rather than at the next poll. */
    void wake() {
        wakeup.wake();
    }

    private void run() {
        while (daemons.running()) {
            try {
                int done = round();
                rounds.get(done < 0 ? "deferred" : done == 0 ? "idle" : "worked").increment();
                if (done < 0) {
                    Thread.sleep(DEFERRED_RETRY.toMillis());
                } else if (done == 0) {
                    wakeup.await(config.poll());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Ids and the failure's kind only: a message could quote a row.
                rounds.get("failed").increment();
                Log.warnf("Waitlist round failed (%s); trying again", e.getClass().getSimpleName());
                if (!Daemons.pause(config.poll())) {
                    return;
                }
            }
        }
    }

    /**
     * One round: expired holds first (their time becomes openings), then openings. How much it did,
     * or -1 if an opening had to be left for a moment.
     */
    int round() {
        int done = 0;
        for (UUID hold : offers.expiredHolds()) {
            if (offers.expire(hold)) {
                done++;
            }
        }
        for (int i = 0; i < OPENINGS_PER_ROUND; i++) {
            Offers.Worked worked = offers.offerNextOpening();
            if (worked == Offers.Worked.NOTHING) {
                break;
            }
            if (worked == Offers.Worked.DEFERRED) {
                return -1;
            }
            done++;
        }
        return done;
    }
}
