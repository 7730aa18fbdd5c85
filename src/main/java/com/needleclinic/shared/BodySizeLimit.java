package com.needleclinic.shared;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared oversize body with 413 problem+json before it is read. (The HTTP layer also
 * enforces the limit on chunked bodies, with a bare 413.)
 */
public class BodySizeLimit {

    private static final String BODY = "{\"type\":\"https://needleclinic.dev/problems/payload-too-large\","
            + "\"title\":\"Payload too large\",\"status\":413,\"detail\":\"The request body is larger than %d bytes\","
            + "\"code\":\"payload-too-large\"}";

    void register(@Observes Filters filters,
                  @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize limit) {
        long max = limit.asLongValue();
        String body = BODY.formatted(max);
        filters.register(rc -> {
            String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && tooLarge(declared, max)) {
                rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(body);
                return;
            }
            rc.next();
        }, 1000);
    }

    private static boolean tooLarge(String declared, long max) {
        try {
            return Long.parseLong(declared.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
