package com.needleclinic.support;

import io.restassured.path.json.JsonPath;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.needleclinic.support.Api.asAdmin;

/** Reads the event feed as an integrator would: paging with {@code after=} the last sequence seen. */
public final class Feed {

    private Feed() {
    }

    /**
     * Where the feed ends now (read behind the service's back): later changes get higher sequences.
     * The sequencer numbers committed events a moment after their commit, so this first waits (up
     * to 10 s) until every event committed so far is numbered; otherwise an earlier change's event
     * could be numbered after the head and be taken for one of the changes that follow.
     */
    public static long head(DataSource db) {
        long written = Db.count(db, "select coalesce(max(position), 0) from event");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Db.count(db, "select count(*) from event_pending where position <= ?", written) > 0
                && System.nanoTime() < deadline) {
            sleep(20);
        }
        return Db.count(db, "select last_sequence from event_feed_head");
    }

    /** Every event after {@code after} so far. */
    public static List<Map<String, Object>> after(long after) {
        List<Map<String, Object>> events = new ArrayList<>();
        long last = after;
        while (true) {
            JsonPath page = asAdmin().queryParam("after", last).queryParam("limit", 500).get("/api/v1/events")
                    .then().statusCode(200).extract().jsonPath();
            events.addAll(page.getList("items"));
            long next = page.getLong("lastSequence");
            if (next == last) {
                return events;
            }
            last = next;
        }
    }

    /** Waits (up to 10 s) until the events after {@code after} that match number {@code count}; answers them. */
    public static List<Map<String, Object>> await(long after, Predicate<Map<String, Object>> match, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Map<String, Object>> found = List.of();
        while (System.nanoTime() < deadline) {
            found = after(after).stream().filter(match).toList();
            if (found.size() >= count) {
                return found;
            }
            sleep(50);
        }
        return found;
    }

    /** Events about one resource, after {@code after}: waits for at least one, then a little for strays. */
    public static List<Map<String, Object>> about(long after, Object resourceId, int expected) {
        List<Map<String, Object>> found = await(after, e -> resourceId.toString().equals(e.get("resourceId")), expected);
        sleep(300);
        return after(after).stream().filter(e -> resourceId.toString().equals(e.get("resourceId"))).toList();
    }

    public static List<String> types(List<Map<String, Object>> events) {
        return events.stream().map(e -> (String) e.get("type")).toList();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) event.get("data");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
