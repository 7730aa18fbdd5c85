package com.needleclinic.shared;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads every HTTP/1.x request body into memory on the I/O thread, up to the size limit, before
 * the request reaches its endpoint; a body over the limit is refused with 413 problem+json and
 * {@code Connection: close}.
 * <p>
 * A declared oversize body ({@code Content-Length}) is refused before any of it is read. Any other
 * body is read by Vert.x's {@link BodyHandler}, which fails the request with 413 once the limit is
 * passed (a chunked body); the failure handler below answers it. Reading the body here, rather than
 * from the worker thread that runs a blocking endpoint, spares that thread a wait for the I/O
 * thread to hand it each chunk: Quarkus REST takes a body already read from the routing context
 * (docs/performance.md, "Request bodies read before the hand-off": 6-15 % more bookings a second).
 * Bodies are small JSON documents, bounded by {@code quarkus.http.limits.max-body-size}.
 * <p>
 * HTTP/1.x only: over HTTP/2 (h2c, which Java's HttpClient negotiates by default) Quarkus
 * REST 3.30 pauses the request when it takes it over, and Vert.x refuses to pause an HTTP/2
 * request that has already been read, so a body read here would turn every such request into a
 * 500 (quarkusio/quarkus#34393). HTTP/2 requests keep Quarkus REST's own read on the worker, and
 * Quarkus's own enforcement of the limit for a body of unknown length.
 */
@Singleton
public class RequestBodies {

    private static final String BODY = "{\"type\":\"https://needleclinic.dev/problems/payload-too-large\","
            + "\"title\":\"Payload too large\",\"status\":413,\"detail\":\"The request body is larger than %d bytes\","
            + "\"code\":\"payload-too-large\"}";
    private static final String UNTYPED = "{\"type\":\"https://needleclinic.dev/problems/unsupported-media-type\","
            + "\"title\":\"Unsupported media type\",\"status\":415,"
            + "\"detail\":\"A request with a body must say what it is: Content-Type: application/json\","
            + "\"code\":\"unsupported-media-type\"}";
    private static final int REFUSE_DECLARED = 1000;
    private static final int READ_BODY = 999;

    private final String tooLarge;
    private final long max;

    RequestBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize limit) {
        this.max = limit.asLongValue();
        this.tooLarge = BODY.formatted(max);
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && declaredTooLarge(declared)) {
                refuse(rc);
                return;
            }
            if (untyped(rc, declared)) {
                // Read as JSON until now: a client sending a form or text by mistake got an answer
                // about a JSON body it never sent.
                rc.response().setStatusCode(415).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(UNTYPED);
                return;
            }
            rc.next();
        }, REFUSE_DECLARED);
        BodyHandler bodyHandler = BodyHandler.create(false).setBodyLimit(max).setPreallocateBodyBuffer(true);
        filters.register(rc -> {
            if (rc.request().version() == HttpVersion.HTTP_2) {
                rc.next();
            } else {
                bodyHandler.handle(rc);
            }
        }, READ_BODY);
    }

    void answerBrokenBodies(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(rc -> {
            Throwable failure = rc.failure();
            if (failure instanceof HttpClosedException) {
                // The client went away mid-request: nobody is left to answer, and it is not an error.
                Log.debugf("%s %s: connection closed before the request was read", rc.request().method(), rc.normalizedPath());
            } else if (rc.response().headWritten()) {
                rc.next();
            } else if (rc.statusCode() == 413) {
                refuse(rc);
            } else if (malformedFraming(failure)) {
                logMalformed(rc, failure);
            } else {
                rc.next();
            }
        });
    }

    /**
     * Netty could not read the body's framing (a chunk size that is no hex number, a chunk longer
     * than it said). Vert.x 4.5 closes the connection as it reports this, before any handler may
     * answer (the response is already closed when the failure arrives), so the client sees the
     * connection close, which RFC 9112 allows for framing it cannot recover from. What the service
     * controls is its log: one line, no stack, where Quarkus's error handler wrote three ERROR traces.
     */
    private static void logMalformed(RoutingContext rc, Throwable failure) {
        Log.warnf("%s %s: malformed request body framing (%s), connection closed", rc.request().method(),
                rc.normalizedPath(), failure.getClass().getSimpleName());
    }

    /** Failures Netty's HTTP decoder reports for a body it cannot frame. */
    private static boolean malformedFraming(Throwable failure) {
        return failure instanceof NumberFormatException || failure instanceof DecoderException
                || failure instanceof TooLongFrameException || failure instanceof PrematureChannelClosureException;
    }

    private void refuse(RoutingContext rc) {
        rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(tooLarge);
    }

    /** A body (declared or chunked) without a Content-Type. */
    private static boolean untyped(RoutingContext rc, String declaredLength) {
        if (rc.request().getHeader(HttpHeaders.CONTENT_TYPE) != null) {
            return false;
        }
        boolean chunked = rc.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        return chunked || (declaredLength != null && !declaredLength.trim().equals("0"));
    }

    private boolean declaredTooLarge(String declared) {
        try {
            return Long.parseLong(declared.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
