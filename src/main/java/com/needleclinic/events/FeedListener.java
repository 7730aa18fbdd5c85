package com.needleclinic.events;

import com.needleclinic.shared.Daemons;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Hears the feed advance in any instance: one connection per instance {@code LISTEN}s on the
 * sequencer's channel and passes each notification to {@link FeedSignal}. The connection is its
 * own, not the request pool's: it is held for the instance's life. When it breaks it reconnects,
 * and signals once on reconnecting, since a notification sent meanwhile was lost; waiters then
 * look at the feed themselves.
 */
@ApplicationScoped
class FeedListener {

    private static final int WAIT_MILLIS = 500;

    private final FeedSignal signal;
    private final Daemons daemons = new Daemons(Duration.ofSeconds(5));

    FeedListener(FeedSignal signal) {
        this.signal = signal;
    }

    /** The data source's own settings (configured, Dev Services or the embedded database). */
    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }

    void start(@Observes StartupEvent startup) {
        daemons.start("event-feed-listener", this::run);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        daemons.stop();
    }

    private void run() {
        boolean reconnecting = false;
        while (daemons.running()) {
            try (Connection connection = connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + Sequencer.CHANNEL);
                }
                if (reconnecting) {
                    Log.info("Event feed listener: listening again");
                    signal.advancedSomewhere();
                    reconnecting = false;
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (daemons.running()) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        long head = highest(notifications);
                        if (head < 0) {
                            signal.advancedSomewhere();
                        } else {
                            signal.advanced(head);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!daemons.running()) {
                    return;
                }
                if (!reconnecting) {
                    Log.warnf("Event feed listener: connection lost (%s); reconnecting", Sequencer.describe(e));
                    reconnecting = true;
                }
                if (!Daemons.pause(Duration.ofSeconds(1))) {
                    return;
                }
            }
        }
    }

    /** The highest head the notifications name (each carries the head its round reached); -1 if one does not. */
    static long highest(PGNotification[] notifications) {
        long head = 0;
        for (PGNotification notification : notifications) {
            try {
                head = Math.max(head, Long.parseLong(notification.getParameter()));
            } catch (NumberFormatException unknown) {
                return -1;
            }
        }
        return head;
    }
}
