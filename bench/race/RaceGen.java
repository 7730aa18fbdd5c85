import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fires every request of BODIES at once (one thread each, released together), alternating
 * between the given service URLs, and writes the id of every 201 to CREATED.
 *
 *   java RaceGen.java TOKEN BODIES CREATED URL [URL...]
 */
public class RaceGen {

    public static void main(String[] args) throws Exception {
        String token = args[0];
        List<String> bodies = Files.readAllLines(Path.of(args[1]));
        Path created = Path.of(args[2]);
        List<URI> urls = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            urls.add(URI.create(args[i]));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String[]>> results = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            URI url = urls.get(i % urls.size());
            String body = bodies.get(i);
            results.add(pool.submit(() -> {
                start.await();
                HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new String[]{url.getPort() + "", Integer.toString(response.statusCode()), response.body()};
            }));
        }
        start.countDown();
        Map<String, Integer> counts = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        Pattern id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
        Pattern code = Pattern.compile("\"code\":\"([a-z-]+)\"");
        for (Future<String[]> result : results) {
            String[] r = result.get();
            String outcome = r[1];
            if (r[1].equals("201")) {
                Matcher m = id.matcher(r[2]);
                if (m.find()) {
                    ids.add(m.group(1));
                }
            } else {
                Matcher m = code.matcher(r[2]);
                outcome += m.find() ? " " + m.group(1) : "";
            }
            counts.merge("port " + r[0] + " -> " + outcome, 1, Integer::sum);
        }
        pool.shutdown();
        Files.write(created, ids);
        counts.forEach((k, v) -> System.out.println(v + "\t" + k));
        System.out.println("created " + ids.size() + " of " + bodies.size() + " requests");
    }
}
