package com.needleclinic.events;

import com.needleclinic.events.EventFeed.FeedQuery;
import com.needleclinic.shared.QueryParams;
import com.needleclinic.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
public class EventResource {

    private final EventFeed feed;

    EventResource(EventFeed feed) {
        this.feed = feed;
    }

    @GET
    public EventPage list(@RestQuery String after, @RestQuery String types, @RestQuery String limit,
                          @RestQuery String waitSeconds) throws InterruptedException {
        return feed.read(FeedQuery.parse(
                QueryParams.number("after", after, 0, Long.MAX_VALUE, 0),
                types,
                (int) QueryParams.number("limit", limit, 1, EventFeed.MAX_LIMIT, EventFeed.DEFAULT_LIMIT),
                (int) QueryParams.number("waitSeconds", waitSeconds, 0, EventFeed.MAX_WAIT_SECONDS, 0)));
    }
}
