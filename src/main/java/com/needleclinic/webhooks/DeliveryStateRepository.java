package com.needleclinic.webhooks;

import com.needleclinic.events.EventView;
import com.needleclinic.shared.DatabaseException;
import com.needleclinic.shared.PageRequest;
import com.needleclinic.webhooks.WebhookDtos.DeliveryView;
import com.needleclinic.webhooks.WebhookDtos.Progress;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Delivery progress ({@code webhook_cursor}) and the delivery log, in JDBC: called inside a
 * transaction, the data source hands out that transaction's connection.
 */
@ApplicationScoped
class DeliveryStateRepository {

    private static final String CLAIM = """
            select c.subscription_id, c.acknowledged_sequence, c.attempts, c.failing_since, s.url, s.event_types,
                   s.secret, s.previous_secret, s.previous_secret_until
              from webhook_cursor c join webhook_subscription s on s.id = c.subscription_id
             where s.status = 'ACTIVE' and c.next_attempt_at <= ?
               and c.acknowledged_sequence < (select last_sequence from event_feed_head)
             order by c.next_attempt_at limit 1
               for update of c skip locked""";

    private final AgroalDataSource dataSource;
    private final SecretBox box;

    DeliveryStateRepository(AgroalDataSource dataSource, SecretBox box) {
        this.dataSource = dataSource;
        this.box = box;
    }

    /** A subscription due for delivery, its progress row locked until the caller's transaction ends; null if none. */
    Due claimDue(Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setObject(1, utc(now));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String types = rs.getString(6);
                UUID id = rs.getObject(1, UUID.class);
                return new Due(id, rs.getLong(2), rs.getInt(3), instant(rs, 4),
                        rs.getString(5), types.isEmpty() ? List.of() : List.of(types.split(",")),
                        box.open(id, rs.getString(7)), box.open(id, rs.getString(8)), instant(rs, 9));
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** A claimed subscription: where it stands, where to send, and the secrets to sign with. */
    record Due(UUID subscriptionId, long acknowledged, int attempts, Instant failingSince, String url,
               List<String> types, String secret, String previousSecret, Instant previousSecretUntil) {
        List<String> secretsAt(Instant now) {
            return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                    ? List.of(secret, previousSecret) : List.of(secret);
        }
    }

    /**
     * Waits for a delivery in flight to this subscription to end and holds its progress row until
     * the caller's transaction ends. An admin change that touches the subscription takes this lock
     * first, in the order delivery takes its locks (progress, then subscription), so the two never
     * deadlock.
     */
    void lock(UUID subscriptionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select 1 from webhook_cursor where subscription_id = ? for update")) {
            s.setObject(1, subscriptionId);
            s.executeQuery().close();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    void start(UUID subscriptionId, long acknowledged, Instant now) {
        update("insert into webhook_cursor (subscription_id, acknowledged_sequence, next_attempt_at) values (?, ?, ?)",
                subscriptionId, acknowledged, utc(now));
    }

    /** Acknowledged up to {@code sequence}: the failing run, if any, is over. */
    void acknowledge(UUID subscriptionId, long sequence, Instant now) {
        update("update webhook_cursor set acknowledged_sequence = ?, attempts = 0, failing_since = null,"
                + " next_attempt_at = ? where subscription_id = ?", sequence, utc(now), subscriptionId);
    }

    void failed(UUID subscriptionId, long acknowledged, int attempts, Instant failingSince, Instant nextAttempt) {
        update("update webhook_cursor set acknowledged_sequence = ?, attempts = ?, failing_since = ?, next_attempt_at = ?"
                + " where subscription_id = ?", acknowledged, attempts, utc(failingSince), utc(nextAttempt), subscriptionId);
    }

    /** Delivery starts afresh at {@code acknowledged} + 1 (a re-enabled subscription, a replay). */
    void restart(UUID subscriptionId, Long acknowledged, Instant now) {
        update("update webhook_cursor set acknowledged_sequence = coalesce(?, acknowledged_sequence), attempts = 0,"
                + " failing_since = null, next_attempt_at = ? where subscription_id = ?", acknowledged, utc(now),
                subscriptionId);
    }

    /** Stopped by the receiver (410) or by 24 hours of failures; an admin's later change wins over this one. */
    void disable(UUID subscriptionId, WebhookSubscription.DisabledReason reason) {
        update("update webhook_subscription set status = 'DISABLED', disabled_reason = ?, version = version + 1"
                + " where id = ? and status = 'ACTIVE'", reason.name(), subscriptionId);
    }

    /** One attempt to deliver one event. */
    record Attempt(EventView event, Instant at, WebhookSender.Outcome outcome) {
    }

    /** The attempts of one claim, as one batch of inserts. */
    void logAttempts(UUID subscriptionId, List<Attempt> attempts) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into webhook_delivery (id, subscription_id, event_id, sequence, attempted_at, status_code, error,"
                        + " duration_ms) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Attempt attempt : attempts) {
                s.setObject(1, com.needleclinic.shared.Ids.newId());
                s.setObject(2, subscriptionId);
                s.setObject(3, attempt.event().id());
                s.setLong(4, attempt.event().sequence());
                s.setObject(5, utc(attempt.at()));
                s.setObject(6, attempt.outcome().statusCode(), java.sql.Types.INTEGER);
                s.setString(7, attempt.outcome().error());
                s.setInt(8, attempt.outcome().durationMs());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    Map<UUID, Progress> progress(Collection<UUID> subscriptionIds) {
        Map<UUID, Progress> found = new HashMap<>();
        if (subscriptionIds.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select subscription_id, acknowledged_sequence, attempts, failing_since, next_attempt_at"
                        + " from webhook_cursor where subscription_id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", subscriptionIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getObject(1, UUID.class),
                            new Progress(rs.getLong(2), rs.getInt(3), instant(rs, 4), instant(rs, 5)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Attempts, newest first; the cursor is the last attempt's id. */
    List<DeliveryView> deliveries(UUID subscriptionId, PageRequest page) {
        String sql = "select id, event_id, sequence, attempted_at, status_code, error, duration_ms from webhook_delivery"
                + " where subscription_id = ?"
                + (page.after() == null ? "" : " and position < (select position from webhook_delivery where id = ?)")
                + " order by position desc limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setObject(i++, subscriptionId);
            if (page.after() != null) {
                s.setObject(i++, page.after());
            }
            s.setInt(i, page.limit());
            try (ResultSet rs = s.executeQuery()) {
                List<DeliveryView> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new DeliveryView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
                            instant(rs, 4), (Integer) rs.getObject(5), rs.getString(6), rs.getInt(7)));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private void update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
