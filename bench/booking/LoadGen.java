import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop load generator: CLIENTS threads each send POST requests back to back until
 * REQUESTS have been sent. Request i's body is line i of BODIES (one JSON document a line).
 * Prints throughput, latency percentiles and status counts.
 *
 *   java LoadGen.java URL TOKEN BODIES CLIENTS [WARMUP]
 */
public class LoadGen {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String token = args[1];
        List<String> bodies = Files.readAllLines(Path.of(args[2]));
        int clients = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[bodies.size()];
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(clients);
        long[] start = new long[1];
        long[] measuredStart = {0};
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            threads[c] = new Thread(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < bodies.size()) {
                        if (i == warmup) {
                            measuredStart[0] = System.nanoTime();
                        }
                        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        latencies[i] = System.nanoTime() - t0;
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        start[0] = System.nanoTime();
        for (Thread t : threads) {
            t.start();
        }
        done.await();
        long end = System.nanoTime();
        long from = warmup > 0 ? measuredStart[0] : start[0];
        long[] measured = Arrays.copyOfRange(latencies, warmup, latencies.length);
        Arrays.sort(measured);
        double seconds = (end - from) / 1e9;
        System.out.printf("requests %d (after %d warm-up), clients %d, %.2f s%n", measured.length, warmup, clients, seconds);
        System.out.printf("throughput %.1f req/s%n", measured.length / seconds);
        System.out.printf("latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", pct(measured, 0.50), pct(measured, 0.99),
                measured[measured.length - 1] / 1e6);
        System.out.println("statuses " + new TreeMap<>(statuses));
    }

    private static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
