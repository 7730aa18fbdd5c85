package com.needleclinic.shared;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line per API request (category {@code com.needleclinic.access}; docs/operations.md, "Logs"):
 * method, path, status, bytes sent, milliseconds, client address. Never the query string (a
 * search for a patient by name or phone is a query), and of the path only what the routes spell
 * out: a segment that is not a route literal of openapi.yaml, a UUID or a number is logged as
 * {@code {?}}, so a client that puts a name in a path does not put it in the log. On by default
 * ({@code CLINIC_ACCESS_LOG_ENABLED=false} turns it off).
 */
@Singleton
class AccessLog {

    private static final Logger LOG = Logger.getLogger("com.needleclinic.access");
    /** Before the body filters (RequestBodies), so a refused body is logged too. */
    private static final int FIRST = 2000;
    private static final Pattern UUID_OR_NUMBER = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9]{1,19}");
    private static final int MAX_SEGMENTS = 12;

    private final boolean enabled;
    private final Set<String> literals;

    AccessLog(@ConfigProperty(name = "clinic.access-log.enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
        this.literals = enabled ? routeLiterals() : Set.of();
    }

    void register(@Observes Filters filters) {
        if (!enabled) {
            return;
        }
        filters.register(rc -> {
            long started = System.nanoTime();
            rc.addEndHandler(done -> log(rc, started));
            rc.next();
        }, FIRST);
    }

    private void log(RoutingContext rc, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        var remote = rc.request().remoteAddress();
        LOG.infof("%s %s %d %d B %d ms %s", rc.request().method().name(), path(rc.request().path(), literals),
                rc.response().getStatusCode(), rc.response().bytesWritten(), millis,
                remote == null ? "-" : remote.hostAddress());
    }

    /** The path as logged: route literals, UUIDs and numbers as they are, anything else {@code {?}}. */
    static String path(String raw, Set<String> literals) {
        if (raw == null || raw.isEmpty()) {
            return "/";
        }
        StringBuilder logged = new StringBuilder();
        String[] segments = raw.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            if (i > MAX_SEGMENTS) {
                logged.append("/...");
                break;
            }
            String segment = segments[i];
            logged.append('/').append(segment.isEmpty() || literals.contains(segment)
                    || UUID_OR_NUMBER.matcher(segment).matches() ? segment : "{?}");
        }
        return logged.length() == 0 ? "/" : logged.toString();
    }

    /** Every literal segment of the contract's paths, and those of the management and OpenAPI routes. */
    static Set<String> routeLiterals() {
        Set<String> literals = new HashSet<>(Set.of("q", "openapi", "swagger-ui", "health", "metrics", "dev-ui"));
        literals.addAll(Routes.contract().literalSegments());
        return Set.copyOf(literals);
    }
}
