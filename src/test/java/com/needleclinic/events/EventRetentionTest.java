package com.needleclinic.events;

import com.needleclinic.support.Api;
import com.needleclinic.support.Db;
import com.needleclinic.support.Feed;
import com.needleclinic.support.Receiver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.needleclinic.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Event retention (docs/operations.md, "Retention"): the purge takes events older than the window
 * off the front of the feed, never one an active subscription has yet to acknowledge; a reader
 * asking for what was purged is told so (410), and nothing else can delete an event.
 */
@QuarkusTest
class EventRetentionTest {

    @Inject
    EventRetention retention;
    @Inject
    AgroalDataSource db;

    /** Everything that happened so far is past a window that ends a minute from now. */
    private static Instant allOfIt() {
        return Instant.now().plusSeconds(60);
    }

    @BeforeEach
    void noOtherReaderHoldsTheFeed() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update webhook_subscription set status = 'DISABLED', disabled_reason = 'ADMIN' where status = 'ACTIVE'");
        }
    }

    @Test
    void old_events_are_purged_and_a_reader_behind_them_is_told_so() {
        long before = Feed.head(db);
        UUID first = Api.createPatient();
        UUID second = Api.createPatient();
        Feed.about(before, second, 1);

        assertThat(retention.purge(allOfIt())).isPositive();
        long purged = retention.purgedThrough();
        assertThat(purged).isGreaterThanOrEqualTo(before + 2);
        assertThat(Db.count(db, "select count(*) from event where resource_id in (?, ?)", first, second)).isZero();

        asAdmin().queryParam("after", purged - 1).get("/api/v1/events").then().statusCode(410)
                .body("code", equalTo("events-purged")).body("detail", containsString("after=" + purged));
        asAdmin().queryParam("after", purged).get("/api/v1/events").then().statusCode(200);
        asAdmin().get("/api/v1/events").then().statusCode(200);

        UUID third = Api.createPatient();
        assertThat(Feed.about(purged, third, 1)).hasSize(1);
        assertThat(retention.purge(Instant.now().minusSeconds(3600))).as("nothing is older than an hour").isZero();
    }

    @Test
    void an_active_subscription_holds_the_events_it_has_not_acknowledged() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.answer(500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
            String id = asAdmin().body(Map.of("url", receiver.url(), "types", List.of("patient.created")))
                    .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().path("id");
            long held;
            try {
                held = Db.count(db, "select acknowledged_sequence from webhook_cursor where subscription_id = ?::uuid", id);
                UUID patient = Api.createPatient();
                receiver.await(1);
                retention.purge(allOfIt());
                assertThat(retention.purgedThrough()).isLessThanOrEqualTo(held);
                assertThat(Db.count(db, "select count(*) from event where resource_id = ?", patient)).isEqualTo(1);
            } finally {
                asAdmin().delete("/api/v1/webhook-subscriptions/{id}", id).then().statusCode(204);
            }
            retention.purge(allOfIt());
            assertThat(retention.purgedThrough()).as("deleted, it holds nothing").isGreaterThan(held);
        }
    }

    @Test
    void only_the_purge_may_delete_an_event() {
        Api.createPatient();
        assertThatThrownBy(() -> {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("delete from event where id = (select id from event order by position desc limit 1)");
            }
        }).hasMessageContaining("append-only");
    }
}
