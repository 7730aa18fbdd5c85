package com.needleclinic.webhooks;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one webhook with Vert.x's HTTP client on Quarkus's Vert.x instance, to the address
 * {@link WebhookTargets} checked (the URL's host still names the Host header and TLS server
 * name). Redirects are not followed: a redirect could lead anywhere, so it counts as a failure.
 */
@ApplicationScoped
class WebhookSender {

    /** A receiver must answer within this (the contract's 10 s); otherwise the attempt failed and is retried. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebClient client;

    WebhookSender(Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("needleclinic-webhooks/1")
                .setFollowRedirects(false)
                .setForceSni(true)
                .setConnectTimeout((int) TIMEOUT.toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(8));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** What the receiver answered: a status, or no status and an error safe to show and log. */
    record Outcome(Integer statusCode, String error, int durationMs) {
        boolean acknowledged() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    Outcome send(WebhookTargets.Target target, String id, long timestamp, String signature, String body) {
        long started = System.nanoTime();
        try {
            HttpResponse<Buffer> response = client
                    .request(HttpMethod.POST, SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()),
                            target.port(), target.uri().getHost(), target.pathAndQuery())
                    .ssl(target.https())
                    .timeout(TIMEOUT.toMillis())
                    .putHeader("content-type", "application/json")
                    .putHeader("webhook-id", id)
                    .putHeader("webhook-timestamp", Long.toString(timestamp))
                    .putHeader("webhook-signature", signature)
                    .sendBuffer(Buffer.buffer(body))
                    .toCompletionStage().toCompletableFuture()
                    .get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return new Outcome(response.statusCode(), null, elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", elapsed(started));
        } catch (ExecutionException e) {
            return new Outcome(null, describe(e.getCause()), elapsed(started));
        } catch (TimeoutException e) {
            return new Outcome(null, "timeout", elapsed(started));
        }
    }

    /** The kind of failure only: an exception's message may quote what the receiver sent. */
    private static String describe(Throwable cause) {
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause.getClass().getSimpleName().contains("Timeout")) {
            return "timeout";
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return "TLS failure";
        }
        return "connection failed (" + cause.getClass().getSimpleName() + ")";
    }

    private static int elapsed(long started) {
        return (int) ((System.nanoTime() - started) / 1_000_000);
    }
}
