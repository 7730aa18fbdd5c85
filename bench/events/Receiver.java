import com.sun.net.httpserver.HttpServer;

import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook receiver for bench/events and bench/outage: answers 200 at once and appends, per
 * delivery, the lag from the event's occurredAt (written in the booking's own statement) to its
 * arrival in milliseconds, the webhook-id and the event's resourceId. A JDK server, so that the
 * receiver (not the service) is never what a busy two-core machine starves.
 *   java bench/events/Receiver.java PORT FILE
 */
public class Receiver {

    private static final Pattern OCCURRED = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");
    private static final Pattern RESOURCE = Pattern.compile("\"resourceId\":\"([^\"]+)\"");

    public static void main(String[] args) throws IOException {
        PrintWriter out = new PrintWriter(new FileWriter(args[1], StandardCharsets.UTF_8, true), true);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 200);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            Instant arrived = Instant.now();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher occurred = OCCURRED.matcher(body);
            Matcher resource = RESOURCE.matcher(body);
            if (occurred.find() && resource.find()) {
                double lag = Duration.between(Instant.parse(occurred.group(1)), arrived).toNanos() / 1e6;
                synchronized (out) {
                    out.printf("%.2f %s %s%n", lag, exchange.getRequestHeaders().getFirst("webhook-id"), resource.group(1));
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }
}
