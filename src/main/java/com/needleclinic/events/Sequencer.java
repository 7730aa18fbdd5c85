package com.needleclinic.events;

import com.needleclinic.shared.Daemons;
import com.needleclinic.shared.Wakeup;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Gives committed events their place in the feed (docs/events.md, "Why the feed never skips").
 * Every instance runs one; the row lock on {@code event_feed_head} lets one at a time number, and
 * the others skip their turn. A round takes, in insertion order, the pending events it sees
 * committed, numbers them into {@code event_feed} from where the previous round ended, moves the
 * head and commits; so rounds commit one after
 * another and a reader who sees sequence N sees everything below N. A round also notifies every
 * instance ({@code NOTIFY clinic_events}) so long polls and webhook deliveries wake at once.
 */
@ApplicationScoped
class Sequencer {

    static final String CHANNEL = "clinic_events";
    static final int BATCH = 1000;
    private static final int SKIPPED = -1;
    /** Under load, rounds are paced so that each numbers several events rather than one. */
    private static final long PACE_MILLIS = 10;
    /** When idle, another instance's events are found by this poll at the latest. */
    private static final long IDLE_POLL_MILLIS = 50;

    /** The oldest pending events, taken off event_pending and numbered into the feed in insertion order. */
    private static final String ASSIGN = """
            with picked as (delete from event_pending
                             where position in (select position from event_pending order by position limit %d)
                            returning position, event_id)
            insert into event_feed (sequence, event_id)
            select ? + row_number() over (order by position), event_id from picked""".formatted(BATCH);

    /** Taken rows leave dead index entries at the head of event_pending; a vacuum this often keeps it small. */
    private static final long VACUUM_EVERY_MILLIS = 10_000;

    private final AgroalDataSource dataSource;
    private final FeedSignal signal;
    private final Wakeup wakeup = new Wakeup();
    private final Daemons daemons = new Daemons(Duration.ofSeconds(5));
    private boolean failing;
    private long numberedSinceVacuum;
    private long lastVacuum = System.nanoTime();

    private final Counter sequenced;
    private final Counter failures;

    Sequencer(AgroalDataSource dataSource, FeedSignal signal, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.signal = signal;
        this.sequenced = Counter.builder("clinic.events.sequenced")
                .description("Events this instance numbered into the feed").register(metrics);
        this.failures = Counter.builder("clinic.event.sequencer.failures")
                .description("Numbering rounds that failed (database unreachable, ...)").register(metrics);
    }

    void start(@Observes StartupEvent startup) {
        daemons.start("event-sequencer", this::run);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        daemons.stop();
    }

    /** A change with events has committed here: number it now rather than at the next poll. */
    void wake() {
        wakeup.wake();
    }

    private void run() {
        while (daemons.running()) {
            try {
                int numbered = round();
                if (numbered > 0) {
                    sequenced.increment(numbered);
                }
                recovered();
                vacuumNow(numbered);
                if (numbered == BATCH) {
                    continue;
                }
                if (numbered == SKIPPED || numbered > 0) {
                    Thread.sleep(PACE_MILLIS);
                } else {
                    wakeup.await(Duration.ofMillis(IDLE_POLL_MILLIS));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                failed(e);
            }
        }
    }

    /** One numbering round: how many events it numbered, or {@link #SKIPPED} if another instance holds the turn. */
    int round() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int numbered = numberCommitted(connection);
                connection.commit();
                if (numbered > 0) {
                    signal.advanced(numberedThrough);
                }
                return numbered;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** The head the last round of this sequencer moved the feed to. */
    private long numberedThrough;

    private int numberCommitted(Connection connection) throws SQLException {
        long last;
        try (PreparedStatement head = connection.prepareStatement(
                "select last_sequence from event_feed_head for update skip locked");
             ResultSet rs = head.executeQuery()) {
            if (!rs.next()) {
                return SKIPPED;
            }
            last = rs.getLong(1);
        }
        int numbered;
        try (PreparedStatement assign = connection.prepareStatement(ASSIGN)) {
            assign.setLong(1, last);
            numbered = assign.executeUpdate();
        }
        if (numbered > 0) {
            try (PreparedStatement move = connection.prepareStatement(
                    "update event_feed_head set last_sequence = ?; select pg_notify('" + CHANNEL + "', ?)")) {
                move.setLong(1, last + numbered);
                move.setString(2, Long.toString(last + numbered));
                move.execute();
            }
            numberedThrough = last + numbered;
        }
        return numbered;
    }

    /** Vacuums event_pending (outside any transaction) when rounds have taken rows off it for a while. */
    private void vacuumNow(int numbered) throws SQLException {
        numberedSinceVacuum += Math.max(0, numbered);
        if (numberedSinceVacuum == 0 || System.nanoTime() - lastVacuum < VACUUM_EVERY_MILLIS * 1_000_000) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement vacuum = connection.createStatement()) {
            vacuum.execute("vacuum event_pending");
        }
        numberedSinceVacuum = 0;
        lastVacuum = System.nanoTime();
    }

    private void recovered() {
        if (failing) {
            failing = false;
            Log.info("Event sequencer: database reachable again");
        }
    }

    /** Logged once per outage, with the SQL state only (no statement text, no values). */
    private void failed(Exception e) {
        failures.increment();
        if (!failing) {
            failing = true;
            Log.warnf("Event sequencer: database unavailable (%s); retrying every second", describe(e));
        }
        Daemons.pause(Duration.ofSeconds(1));
    }

    static String describe(Exception e) {
        return e instanceof SQLException sql ? "SQL state " + sql.getSQLState() : e.getClass().getSimpleName();
    }
}
