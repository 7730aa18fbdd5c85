package com.needleclinic.events;

import com.needleclinic.events.EventFeed.FeedQuery;
import com.needleclinic.shared.Caller;
import com.needleclinic.shared.QueryParams;
import com.needleclinic.shared.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The event feed (docs/events.md). Answered asynchronously: a long poll waits on the feed signal
 * and holds no worker thread and no database connection meanwhile, within {@link LongPolls}' caps.
 */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
public class EventResource {

    private final EventFeed feed;
    private final LongPolls polls;
    private final Caller caller;

    EventResource(EventFeed feed, LongPolls polls, Caller caller) {
        this.feed = feed;
        this.polls = polls;
        this.caller = caller;
    }

    @GET
    public Uni<EventPage> list(@RestQuery String after, @RestQuery String types, @RestQuery String limit,
                               @RestQuery String waitSeconds) {
        FeedQuery query = FeedQuery.parse(
                QueryParams.number("after", after, 0, Long.MAX_VALUE, 0),
                types,
                (int) QueryParams.number("limit", limit, 1, EventFeed.MAX_LIMIT, EventFeed.DEFAULT_LIMIT),
                (int) QueryParams.number("waitSeconds", waitSeconds, 0, EventFeed.MAX_WAIT_SECONDS, 0));
        if (query.waitSeconds() == 0) {
            return feed.readAsync(query);
        }
        Runnable close = polls.open(caller.subject());
        return feed.readAsync(query).onTermination().invoke(close);
    }
}
