package com.needleclinic.devdb;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Counts the services in this JVM that use the embedded PostgreSQL (dev mode, tests, run-local),
 * so that it is stopped only after the last one has stopped its background loops (they stop in
 * their own ShutdownEvent observers, which run before this late one). The count lives in a system
 * property: the service and the config source factory may be loaded by different class loaders.
 * In production there is no embedded server and this counts nothing.
 */
@ApplicationScoped
class EmbeddedPostgresInUse {

    private static final String USERS_PROPERTY = "clinic.devdb.users";

    void started(@Observes @Priority(1) StartupEvent event) {
        adjust(1);
    }

    void stopped(@Observes @Priority(1_000_000) ShutdownEvent event) {
        adjust(-1);
    }

    static int users() {
        return Integer.getInteger(USERS_PROPERTY, 0);
    }

    private static void adjust(int by) {
        synchronized (System.getProperties()) {
            if (System.getProperty(EmbeddedPostgresConfigSourceFactory.URL_PROPERTY) == null) {
                return;
            }
            System.setProperty(USERS_PROPERTY, Integer.toString(Math.max(0, users() + by)));
        }
    }
}
