package com.needleclinic.events;

import com.needleclinic.audit.AuditEntry;
import com.needleclinic.audit.AuditLog;
import com.needleclinic.shared.DomainException;
import com.needleclinic.shared.InvalidRequestException;
import com.needleclinic.shared.QueryParams;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The event feed (docs/events.md): events after a sequence, in sequence order, and only up to the
 * head, below which every event is committed and numbered - so paging with {@code after=} the
 * last sequence seen never misses one. A long poll waits for the feed to advance in any instance
 * without holding a database connection.
 */
@ApplicationScoped
public class EventFeed {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final int MAX_WAIT_SECONDS = 30;
    private static final String RESOURCE = "EVENT";

    private final EventRepository events;
    private final FeedSignal signal;
    private final AuditLog auditLog;

    EventFeed(EventRepository events, FeedSignal signal, AuditLog auditLog) {
        this.events = events;
        this.signal = signal;
        this.auditLog = auditLog;
    }

    /**
     * The feed page for {@code query}; with {@code waitSeconds}, an empty page is held open until an
     * event arrives or the time is up - without a thread or a connection while it waits (a waiter on
     * {@link FeedSignal}); the reads run on worker threads.
     */
    public Uni<EventPage> readAsync(FeedQuery query) {
        long deadline = System.nanoTime() + query.waitSeconds() * 1_000_000_000L;
        return Uni.createFrom().item(() -> {
            checkRetained(query);
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).chain(() -> attempt(query, deadline));
    }

    private Uni<EventPage> attempt(FeedQuery query, long deadline) {
        return Uni.createFrom().item(() -> page(query.after(), query.types(), query.limit()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).chain(found -> {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (!found.items().isEmpty() || left <= 0) {
                        return Uni.createFrom().item(() -> audited(found))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                    }
                    // Past what was examined (with types, further than after): wait for the head to pass it.
                    return Uni.createFrom().completionStage(signal.nextHeadBeyond(found.lastSequence(), left))
                            .chain(() -> attempt(query, deadline));
                });
    }

    private void checkRetained(FeedQuery query) {
        if (query.after() > 0) {
            long purged = events.purgedThrough();
            if (query.after() < purged) {
                throw new EventsPurged(purged);
            }
        }
    }

    /** The last sequence assigned: every event up to it is committed and in the feed. */
    public long head() {
        return events.head();
    }

    /** For webhook delivery: up to {@code limit} events after {@code after} of these types (all when empty). */
    public EventPage page(long after, Set<String> types, int limit) {
        long head = events.head();
        List<EventView> found = after >= head ? List.of() : events.between(after, head, types, limit);
        long last = found.size() == limit ? found.get(found.size() - 1).sequence() : Math.max(after, head);
        return new EventPage(found, last);
    }

    /** Reading the feed shows which patients had changes: each event naming one is audited, like a search result. */
    private EventPage audited(EventPage page) {
        QuarkusTransaction.requiringNew().run(() -> auditLog.recordSearch(RESOURCE, null, page.items().stream()
                .filter(e -> e.patientId() != null)
                .map(e -> AuditEntry.of(AuditEntry.Action.SEARCH, RESOURCE, e.id(), e.patientId())).toList()));
        return page;
    }

    /**
     * {@code after} names a sequence the retention purge has removed events after: reading on would
     * silently skip them, so the reader is told where the feed now starts.
     */
    static final class EventsPurged extends DomainException {
        EventsPurged(long purgedThrough) {
            super(410, "events-purged", "Events purged",
                    "Events up to sequence " + purgedThrough + " are past the retention window and were purged; "
                            + "read on with after=" + purgedThrough
                            + " (or no after) and take what was missed from the API");
        }
    }

    /** The feed's query parameters, checked: a bad value is a 400 naming the parameter. */
    public record FeedQuery(long after, Set<String> types, int limit, int waitSeconds) {

        public static FeedQuery parse(long after, String types, int limit, int waitSeconds) {
            return new FeedQuery(after, types(types), limit, waitSeconds);
        }

        static Set<String> types(String raw) {
            Set<String> types = new LinkedHashSet<>();
            if (!QueryParams.present("types", raw)) {
                return types;
            }
            for (String name : Arrays.stream(raw.split(",")).map(String::trim).toList()) {
                if (EventType.byName(name).isEmpty()) {
                    throw new InvalidRequestException("types", "names an unknown event type; see docs/events.md");
                }
                types.add(name);
            }
            return types;
        }
    }
}
