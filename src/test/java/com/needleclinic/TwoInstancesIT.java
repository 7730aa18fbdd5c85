package com.needleclinic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.needleclinic.support.Instances;
import com.needleclinic.support.Instances.Instance;
import com.needleclinic.support.Receiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guarantees that claim to hold across instances, tested on two running instances of the packaged
 * service sharing one database.
 * <p>
 * The feed's promise (docs/events.md): two instances of the packaged service
 * book and cancel at once while a reader pages the feed with {@code after=}, asking each instance
 * in turn; the reader must see every committed change, each sequence once, without holes. A naive
 * reader paging the outbox by insertion order (what a plain sequence would give) runs beside it
 * and its misses are printed: they show the race is real. Then webhooks: one subscription
 * receives every booking once in order although both instances deliver, and keeps doing so across
 * a SIGKILL of both instances.
 * <p>
 * Rooms (docs/rules.md, "Rooms"): thirty bookings for the one bed of a location, by thirty
 * practitioners, released at once on both instances: exactly one visit holds the bed.
 */
class TwoInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("America/Edmonton");
    private static final int WRITERS_PER_INSTANCE = 4;
    private static final int BOOKINGS_PER_WRITER = 250;
    private static final String ADMIN = Instances.token("admin", "it-admin");

    private static Instances instances;
    private static Instance a;
    private static Instance b;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        instances = new Instances();
        a = instances.instance("a").start();
        b = instances.instance("b").start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        instances.close();
    }

    record Answer(int status, JsonNode body) {
    }

    private static Answer call(String method, String url, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    private static String create(Instance at, String path, Object body) throws Exception {
        Answer answer = call("POST", at.url() + path, body);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(201);
        return answer.body().get("id").asText();
    }

    /** A location, a 15-minute non-needling service, and one practitioner and patient per writer, working around the clock. */
    private static List<String[]> clinic(int writers) throws Exception {
        // Offers at any hour: the test must not depend on the hour it runs at.
        String location = create(a, "/api/v1/locations", Map.of("name", "IT clinic " + UUID.randomUUID(),
                "timeZone", ZONE.getId(), "province", "AB", "offerHours", Map.of("start", "00:00", "end", "00:00")));
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("name", "Assessment " + UUID.randomUUID());
        service.put("durationMinutes", 15);
        service.put("priceCents", 9000);
        service.put("currency", "CAD");
        service.put("billingCode", "PT-15");
        String serviceId = create(a, "/api/v1/services", service);
        return clinicAt(location, writers).stream().map(w -> new String[]{w[0], w[1], serviceId, location}).toList();
    }

    /** Practitioners working there around the clock, each with a patient of their own: {practitioner, patient}. */
    private static List<String[]> clinicAt(String location, int writers) throws Exception {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String practitioner = create(a, "/api/v1/practitioners", Map.of("firstName", "Writer", "lastName", "No" + i,
                    "discipline", "PHYSIOTHERAPIST", "registrationNumber", "IT-" + UUID.randomUUID(),
                    "registrationBody", "Physiotherapy Alberta", "province", "AB"));
            List<Map<String, String>> week = new ArrayList<>();
            for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
                week.add(Map.of("locationId", location, "dayOfWeek", day.name(), "start", "00:00", "end", "23:59"));
            }
            assertThat(call("PUT", a.url() + "/api/v1/practitioners/" + practitioner + "/schedule", Map.of("entries", week))
                    .status()).isEqualTo(200);
            String patient = create(a, "/api/v1/patients", Map.of("firstName", "Race", "lastName", "Patient" + i,
                    "dateOfBirth", "1980-01-01", "confirmDuplicate", true));
            pairs.add(new String[]{practitioner, patient});
        }
        return pairs;
    }

    @Test
    void a_reader_paging_either_instance_misses_nothing_while_both_write() throws Exception {
        Receiver receiver = new Receiver();
        String subscription = create(a, "/api/v1/webhook-subscriptions",
                Map.of("url", receiver.url(), "types", List.of("appointment.booked")));
        List<String[]> writers = clinic(2 * WRITERS_PER_INSTANCE);
        long start = feedHead();

        Set<String> booked = ConcurrentHashMap.newKeySet();
        Set<String> cancelled = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers.size() + 2);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            Instance at = w % 2 == 0 ? a : b;
            String[] writer = writers.get(w);
            work.add(pool.submit(() -> write(at, writer, booked, cancelled)));
        }
        Future<List<JsonNode>> reader = pool.submit(() -> read(start, writing));
        Future<Set<Long>> naive = pool.submit(() -> readNaively(writing));
        for (Future<?> f : work) {
            f.get();
        }
        writing.set(false);
        List<JsonNode> seen = reader.get();
        Set<Long> naiveSeen = naive.get();
        pool.shutdown();

        List<Long> sequences = seen.stream().map(e -> e.get("sequence").asLong()).toList();
        assertThat(sequences).as("consecutive, each once").isEqualTo(java.util.stream.LongStream
                .rangeClosed(start + 1, start + sequences.size()).boxed().toList());
        Set<String> bookedSeen = resources(seen, "appointment.booked");
        Set<String> cancelledSeen = resources(seen, "appointment.cancelled");
        assertThat(booked).hasSize(2 * WRITERS_PER_INSTANCE * BOOKINGS_PER_WRITER);
        assertThat(bookedSeen).containsAll(booked).hasSize(booked.size());
        assertThat(cancelledSeen).containsAll(cancelled).hasSize(cancelled.size());
        long naiveMissed = countNaiveMisses(naiveSeen);
        System.out.printf("Feed race: %d bookings and %d cancellations on 2 instances; the feed reader saw %d events, "
                        + "missed 0; a reader paging by insertion order missed %d%n", booked.size(), cancelled.size(),
                seen.size(), naiveMissed);

        List<Receiver.Delivery> delivered = receiver.await(booked.size(), Duration.ofSeconds(90));
        assertDeliveredInOrderOnce(delivered, booked);

        restartBothWhileDelivering(receiver, writers.get(0), booked.size());
        receiver.close();
        call("DELETE", a.url() + "/api/v1/webhook-subscriptions/" + subscription, null);
    }

    @Test
    void thirty_bookings_for_the_one_bed_on_two_instances_leave_one_visit_in_it() throws Exception {
        String location = create(a, "/api/v1/locations", Map.of("name", "Bed race " + UUID.randomUUID(),
                "timeZone", ZONE.getId(), "province", "AB"));
        create(a, "/api/v1/locations/" + location + "/rooms", Map.of("name", "The bed", "capabilities", List.of("TREATMENT_BED")));
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("name", "Dry needling " + UUID.randomUUID());
        service.put("durationMinutes", 30);
        service.put("priceCents", 9000);
        service.put("billingCode", "DN-30");
        service.put("requiredCapabilities", List.of("TREATMENT_BED"));
        String serviceId = create(a, "/api/v1/services", service);
        List<Map<String, String>> bookings = new ArrayList<>();
        for (String[] writer : clinicAt(location, 30)) {
            bookings.add(Map.of("patientId", writer[1], "practitionerId", writer[0], "serviceId", serviceId,
                    "locationId", location, "start", ZonedDateTime.of(LocalDate.now(ZONE).plusDays(3), LocalTime.of(10, 0), ZONE)
                            .toOffsetDateTime().toString()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(bookings.size());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < bookings.size(); i++) {
            Instance at = i % 2 == 0 ? a : b;
            Map<String, String> booking = bookings.get(i);
            answers.add(pool.submit(() -> {
                go.await();
                return call("POST", at.url() + "/api/v1/appointments", booking);
            }));
        }
        go.countDown();
        List<Answer> done = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            done.add(answer.get());
        }
        pool.shutdown();
        assertThat(done).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(done).filteredOn(r -> r.status() != 201).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.body().get("code").asText()).isEqualTo("no-room-available");
        });
        try (Connection c = instances.connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from appointment where location_id = ?::uuid and status <> 'CANCELLED'")) {
            s.setString(1, location);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }

    /**
     * The same slot freed on both instances at once - a visit cancelled through one, the time off
     * around it withdrawn through the other - so both instances' offer workers race to offer it:
     * one hold, for the best entry, every round.
     */
    @Test
    void a_slot_freed_on_both_instances_at_once_is_held_once_for_the_best_entry() throws Exception {
        List<String[]> clinic = clinic(1);
        String practitioner = clinic.get(0)[0];
        String patient = clinic.get(0)[1];
        String service = clinic.get(0)[2];
        String location = clinic.get(0)[3];
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                LocalDate day = LocalDate.now(ZONE).plusDays(3 + round);
                String start = ZonedDateTime.of(day, LocalTime.of(10, 0), ZONE).toOffsetDateTime().toString();
                String end = ZonedDateTime.of(day, LocalTime.of(10, 15), ZONE).toOffsetDateTime().toString();
                String visit = create(a, "/api/v1/appointments", Map.of("patientId", patient, "practitionerId", practitioner,
                        "serviceId", service, "locationId", location, "start", start));
                String off = create(a, "/api/v1/practitioners/" + practitioner + "/time-off", Map.of(
                        "start", ZonedDateTime.of(day, LocalTime.of(9, 0), ZONE).toOffsetDateTime().toString(),
                        "end", ZonedDateTime.of(day, LocalTime.of(11, 0), ZONE).toOffsetDateTime().toString(),
                        "reason", "Course"));
                List<String> waiting = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String someone = create(i % 2 == 0 ? a : b, "/api/v1/patients", Map.of("firstName", "Wait",
                            "lastName", "Listed" + i, "dateOfBirth", "1980-01-01", "confirmDuplicate", true));
                    waiting.add(create(i % 2 == 0 ? b : a, "/api/v1/waitlist", Map.of("patientId", someone,
                            "serviceId", service, "locationId", location, "earliest", start, "latest", end,
                            "priority", i == 0 ? "URGENT" : "NORMAL")));
                }
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                Future<Answer> cancelled = pool.submit(() -> {
                    go.await();
                    return call("POST", a.url() + "/api/v1/appointments/" + visit + "/cancel", Map.of("reason", "Flu"));
                });
                Future<Answer> withdrawn = pool.submit(() -> {
                    go.await();
                    return call("DELETE", b.url() + "/api/v1/practitioners/" + practitioner + "/time-off/" + off, null);
                });
                go.countDown();
                assertThat(cancelled.get().status()).isEqualTo(200);
                assertThat(withdrawn.get().status()).isEqualTo(204);
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (count("select count(*) from waitlist_opening where location_id = ?::uuid", location) > 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(500);
                assertThat(count("select count(*) from appointment where practitioner_id = ?::uuid and status = 'HELD'"
                        + " and start_at = '" + start + "'::timestamptz", practitioner)).as("round %d", round).isEqualTo(1);
                List<String> offered = new ArrayList<>();
                for (String entry : waiting) {
                    if ("OFFERED".equals(call("GET", b.url() + "/api/v1/waitlist/" + entry, null).body().get("status").asText())) {
                        offered.add(entry);
                    }
                }
                assertThat(offered).as("round %d", round).containsExactly(waiting.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(String sql, String param) throws Exception {
        try (Connection c = instances.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Books BOOKINGS_PER_WRITER 15-minute visits in a row for its practitioner; cancels every fifth. */
    private static Void write(Instance at, String[] writer, Set<String> booked, Set<String> cancelled) throws Exception {
        LocalDate first = LocalDate.now(ZONE).plusDays(2);
        for (int i = 0; i < BOOKINGS_PER_WRITER; i++) {
            ZonedDateTime slot = ZonedDateTime.of(first.plusDays(i / 80), LocalTime.of(1, 0).plusMinutes(15L * (i % 80)), ZONE);
            Answer answer = call("POST", at.url() + "/api/v1/appointments", Map.of("patientId", writer[1],
                    "practitionerId", writer[0], "serviceId", writer[2], "locationId", writer[3],
                    "start", slot.toOffsetDateTime().toString()));
            assertThat(answer.status()).as("booking " + answer.body()).isEqualTo(201);
            String id = answer.body().get("id").asText();
            booked.add(id);
            if (i % 5 == 4) {
                Instance other = at == a ? b : a;
                assertThat(call("POST", other.url() + "/api/v1/appointments/" + id + "/cancel", Map.of("reason", "race"))
                        .status()).isEqualTo(200);
                cancelled.add(id);
            }
        }
        return null;
    }

    /** Pages with after= the last sequence seen, asking A and B in turn, until the writers stop and the feed is drained. */
    private static List<JsonNode> read(long start, AtomicBoolean writing) throws Exception {
        List<JsonNode> seen = new ArrayList<>();
        long after = start;
        int turn = 0;
        int quietPages = 0;
        while (writing.get() || quietPages < 3) {
            Instance at = turn++ % 2 == 0 ? a : b;
            Answer page = call("GET", at.url() + "/api/v1/events?limit=200&waitSeconds=1&after=" + after, null);
            assertThat(page.status()).isEqualTo(200);
            page.body().get("items").forEach(seen::add);
            long next = page.body().get("lastSequence").asLong();
            quietPages = writing.get() || next != after ? 0 : quietPages + 1;
            after = next;
        }
        return seen;
    }

    /** What a plain sequence would give: the outbox read by insertion order, behind the service's back. */
    private static Set<Long> readNaively(AtomicBoolean writing) throws Exception {
        Set<Long> seen = new HashSet<>();
        try (Connection c = instances.connect()) {
            long after = maxPosition(c);
            while (writing.get()) {
                try (PreparedStatement s = c.prepareStatement(
                        "select position from event where position > ? order by position limit 500")) {
                    s.setLong(1, after);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            after = rs.getLong(1);
                            seen.add(after);
                        }
                    }
                }
                Thread.sleep(5);
            }
        }
        return seen;
    }

    private static long maxPosition(Connection c) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("select coalesce(max(position), 0) from event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Events the naive reader passed over: positions inside the range it read that it never saw. */
    private static long countNaiveMisses(Set<Long> naiveSeen) throws Exception {
        if (naiveSeen.isEmpty()) {
            return 0;
        }
        long low = naiveSeen.stream().mapToLong(Long::longValue).min().orElseThrow();
        long high = naiveSeen.stream().mapToLong(Long::longValue).max().orElseThrow();
        try (Connection c = instances.connect(); PreparedStatement s = c.prepareStatement(
                "select position from event where position between ? and ?")) {
            s.setLong(1, low);
            s.setLong(2, high);
            long missed = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    missed += naiveSeen.contains(rs.getLong(1)) ? 0 : 1;
                }
            }
            return missed;
        }
    }

    private static long feedHead() throws Exception {
        try (Connection c = instances.connect();
             ResultSet rs = c.createStatement().executeQuery("select last_sequence from event_feed_head")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> resources(List<JsonNode> events, String type) {
        Set<String> ids = new HashSet<>();
        events.stream().filter(e -> type.equals(e.get("type").asText())).forEach(e -> ids.add(e.get("resourceId").asText()));
        return ids;
    }

    /** In sequence order, never two at once: sequences never go back; a retry repeats only the event just sent. */
    private static void assertDeliveredInOrderOnce(List<Receiver.Delivery> delivered, Set<String> booked) throws Exception {
        List<Long> sequences = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Receiver.Delivery d : delivered) {
            JsonNode event = JSON.readTree(d.body()).get("data");
            sequences.add(event.get("sequence").asLong());
            ids.add(event.get("resourceId").asText());
        }
        assertThat(sequences).isSorted();
        assertThat(ids).containsAll(booked);
    }

    /**
     * The receiver fails while more bookings are made; both instances are killed (SIGKILL) and
     * started again; once the receiver answers, every booking arrives, still in order.
     */
    private void restartBothWhileDelivering(Receiver receiver, String[] writer, int before) throws Exception {
        Integer[] failures = new Integer[10];
        java.util.Arrays.fill(failures, 503);
        receiver.answer(failures);
        Set<String> more = ConcurrentHashMap.newKeySet();
        LocalDate day = LocalDate.now(ZONE).plusDays(40);
        for (int i = 0; i < 10; i++) {
            Answer answer = call("POST", b.url() + "/api/v1/appointments", Map.of("patientId", writer[1],
                    "practitionerId", writer[0], "serviceId", writer[2], "locationId", writer[3],
                    "start", ZonedDateTime.of(day, LocalTime.of(9, 0).plusMinutes(15L * i), ZONE).toOffsetDateTime().toString()));
            assertThat(answer.status()).isEqualTo(201);
            more.add(answer.body().get("id").asText());
        }
        Thread.sleep(500);
        a.kill();
        b.kill();
        a.start();
        b.start();
        List<Receiver.Delivery> all = receiver.await(before + 10 + 10, Duration.ofSeconds(90));
        List<Receiver.Delivery> acknowledged = all.stream().filter(d -> d.answered() == 200).toList();
        assertDeliveredInOrderOnce(acknowledged, more);
    }
}
