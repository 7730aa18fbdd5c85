package com.needleclinic.support;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on a local port, as an integrator would run one: it records what arrives and
 * answers the statuses queued for it (then 200). {@link #verify} checks a signature the way the
 * Standard Webhooks 1.0 specification describes, written here from the specification and not
 * sharing any code with the service's signer.
 */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Delivery(String id, String timestamp, String signature, String body, int answered) {
    }

    private final HttpServer server;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private volatile long pauseMillis;

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            pause();
            Integer queued = answers.poll();
            int status = queued == null ? 200 : queued;
            received.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Each answer from now on comes this much later: a slow receiver. */
    public void slowDown(Duration pause) {
        pauseMillis = pause.toMillis();
    }

    private void pause() {
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next requests are answered with these statuses, in order; then 200 again. */
    public void answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    /** Forgets the statuses still queued: the next requests are answered 200. */
    public void clearAnswers() {
        answers.clear();
    }

    public List<Delivery> received() {
        return new ArrayList<>(received);
    }

    /** Waits (up to 15 s) until at least {@code count} requests have arrived. */
    public List<Delivery> await(int count) {
        return await(count, Duration.ofSeconds(15));
    }

    public List<Delivery> await(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return received();
    }

    /**
     * Standard Webhooks 1.0, "Verifying webhooks": the key is the base64 after {@code whsec_}; the
     * signed content is {@code msg_id.timestamp.body}; the header holds space-delimited
     * {@code v1,<base64 HMAC-SHA256>} entries, any one of which may match (compared in constant time).
     */
    public static boolean verify(String secret, Delivery delivery) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = hmac.doFinal((delivery.id() + "." + delivery.timestamp() + "." + delivery.body())
                    .getBytes(StandardCharsets.UTF_8));
            for (String entry : delivery.signature().split(" ")) {
                String[] parts = entry.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
