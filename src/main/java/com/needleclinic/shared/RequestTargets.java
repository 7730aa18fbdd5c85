package com.needleclinic.shared;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * A request target (path and query) longer than {@value #MAX_TARGET} characters is refused with
 * {@code 414 uri-too-long} problem+json, and {@code Connection: close}.
 * <p>
 * Vert.x refuses a request line over {@code quarkus.http.limits.max-initial-line-length} itself,
 * with a bare 414 no handler can change (quarkusio/quarkus#55082). That limit is set well above
 * this one (application.properties), so that every target a client could mean to send, and all
 * but the absurd, are answered here, in the contract's shape. No operation of the contract needs
 * a target near the limit: the longest lists a few ids and dates.
 */
@Singleton
public class RequestTargets {

    static final int MAX_TARGET = 4096;
    private static final String TOO_LONG = "{\"type\":\"https://needleclinic.dev/problems/uri-too-long\","
            + "\"title\":\"URI too long\",\"status\":414,"
            + "\"detail\":\"The request target is longer than " + MAX_TARGET + " characters\","
            + "\"code\":\"uri-too-long\"}";
    private static final int PRIORITY = 1100;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (rc.request().uri().length() > MAX_TARGET) {
                rc.response().setStatusCode(414).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(TOO_LONG);
                return;
            }
            rc.next();
        }, PRIORITY);
    }
}
