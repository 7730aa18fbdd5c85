import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steady booking load for SECONDS: CLIENTS threads, each sending the next body and pausing
 * PAUSE_MS between requests. Writes one line per request to OUT:
 * epochMillisAtStart,status,latencyMs,createdIdOrDash,problemCodeOrDash
 *
 *   java SteadyLoad.java URL TOKEN BODIES OUT SECONDS CLIENTS PAUSE_MS
 */
public class SteadyLoad {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String token = args[1];
        List<String> bodies = Files.readAllLines(Path.of(args[2]));
        Path out = Path.of(args[3]);
        long deadline = System.currentTimeMillis() + Long.parseLong(args[4]) * 1000;
        int clients = Integer.parseInt(args[5]);
        long pause = Long.parseLong(args[6]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        Pattern id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
        Pattern code = Pattern.compile("\"code\":\"([a-z-]+)\"");
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            threads[c] = new Thread(() -> {
                int i;
                while (System.currentTimeMillis() < deadline && (i = next.getAndIncrement()) < bodies.size()) {
                    long t0 = System.currentTimeMillis();
                    int status;
                    String body;
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        status = r.statusCode();
                        body = r.body();
                    } catch (Exception e) {
                        status = -1;
                        body = "";
                    }
                    long t1 = System.currentTimeMillis();
                    Matcher m = status == 201 ? id.matcher(body) : code.matcher(body);
                    String detail = m.find() ? m.group(1) : "-";
                    lines.add(t0 + "," + status + "," + (t1 - t0) + "," + (status == 201 ? detail : "-") + ","
                            + (status == 201 ? "-" : detail));
                    try {
                        Thread.sleep(pause);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out))) {
            lines.forEach(writer::println);
        }
    }
}
