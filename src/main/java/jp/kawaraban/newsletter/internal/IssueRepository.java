package jp.kawaraban.newsletter.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.kawaraban.newsletter.DeliveryCounts;
import jp.kawaraban.newsletter.Issue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issues, their picks and the outbox. */
@Repository
public class IssueRepository {

    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;

    IssueRepository(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * One delivery worker's database connection, held while it sends: claims, sent marks,
     * failed attempts and releases, each an auto-committed statement prepared once and reused.
     * Each row is marked sent in its own statement right after the server accepted it. The
     * commits do not wait for the WAL to reach the disk ({@code synchronous_commit off}): a mark
     * is visible at once and survives the application being killed; only a crash of PostgreSQL
     * or the machine can lose the last fraction of a second of marks (and claims), whose
     * messages would then go out again. Waiting for the disk on every message would cap
     * delivery at the disk's fsync rate.
     */
    public final class DeliverySession implements AutoCloseable {

        private final java.sql.Connection connection;
        private final java.sql.PreparedStatement claim;
        private final java.sql.PreparedStatement sent;
        private final java.sql.PreparedStatement failed;
        private final java.sql.PreparedStatement release;
        private final java.sql.PreparedStatement renew;

        private DeliverySession() throws java.sql.SQLException {
            connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("SET synchronous_commit TO OFF");
                }
                claim = connection.prepareStatement(CLAIM);
                sent = connection.prepareStatement("UPDATE newsletter_outbox SET state = 'SENT', sent_at = ?, "
                        + "attempts = attempts + 1, lease_until = NULL WHERE id = ? AND state = 'QUEUED'");
                failed = connection.prepareStatement(FAILED_ATTEMPT);
                release = connection.prepareStatement(RELEASE);
                renew = connection.prepareStatement(RENEW);
            } catch (java.sql.SQLException | RuntimeException broken) {
                connection.close();
                throw broken;
            }
        }

        /** See {@link IssueRepository#claim}. */
        public List<Claimed> claim(int limit, Instant now, Instant leaseUntil) {
            try {
                claim.setTimestamp(1, ts(leaseUntil));
                claim.setTimestamp(2, ts(now));
                claim.setTimestamp(3, ts(now));
                claim.setInt(4, limit);
                List<Claimed> rows = new java.util.ArrayList<>(limit);
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)));
                    }
                }
                rows.sort(java.util.Comparator.comparingLong(Claimed::id));
                return rows;
            } catch (java.sql.SQLException failure) {
                throw new IllegalStateException("Could not claim outbox rows", failure);
            }
        }

        public void sent(long id, Instant now) {
            try {
                sent.setTimestamp(1, ts(now));
                sent.setLong(2, id);
                sent.executeUpdate();
            } catch (java.sql.SQLException failure) {
                throw new IllegalStateException("Could not mark outbox row " + id + " sent", failure);
            }
        }

        /** See {@link IssueRepository#markFailedAttempt}. */
        public void failedAttempt(Claimed row, String error, Instant now, int maxAttempts, Duration backoff) {
            try {
                bindFailedAttempt(failed, row, error, now, maxAttempts, backoff);
                failed.executeUpdate();
            } catch (java.sql.SQLException failure) {
                throw new IllegalStateException("Could not record a failed attempt of outbox row " + row.id(), failure);
            }
        }

        /**
         * Extends the lease of those rows still held under {@code heldUntil} (the lease this
         * sender set: its token) to {@code until}. @return the ids still held
         */
        public java.util.Set<Long> renew(List<Long> ids, Instant heldUntil, Instant until) {
            java.util.Set<Long> kept = new java.util.HashSet<>();
            if (ids.isEmpty()) {
                return kept;
            }
            try {
                renew.setTimestamp(1, ts(until));
                renew.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                renew.setTimestamp(3, ts(heldUntil));
                try (ResultSet rs = renew.executeQuery()) {
                    while (rs.next()) {
                        kept.add(rs.getLong(1));
                    }
                }
                return kept;
            } catch (java.sql.SQLException failure) {
                throw new IllegalStateException("Could not renew the lease of outbox rows", failure);
            }
        }

        /** Gives back the rows still held under {@code heldUntil}, for the next run. */
        public void release(List<Long> ids, Instant heldUntil) {
            if (ids.isEmpty()) {
                return;
            }
            try {
                release.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                release.setTimestamp(2, ts(heldUntil));
                release.executeUpdate();
            } catch (java.sql.SQLException failure) {
                throw new IllegalStateException("Could not release outbox rows", failure);
            }
        }

        @Override
        public void close() {
            try (connection; claim; sent; failed; release; renew; var statement = connection.createStatement()) {
                statement.execute("RESET synchronous_commit");
            } catch (java.sql.SQLException ignored) {
                // the pool checks the connection before its next use
            }
        }
    }

    public DeliverySession deliverySession() {
        try {
            return new DeliverySession();
        } catch (java.sql.SQLException failed) {
            throw new IllegalStateException("No database connection for delivery", failed);
        }
    }

    private static final String CLAIM = """
            UPDATE newsletter_outbox SET lease_until = ?
            WHERE id IN (SELECT id FROM newsletter_outbox
                         WHERE state = 'QUEUED' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
                         ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING id, issue_id, email, attempts""";

    private static final String FAILED_ATTEMPT = """
            UPDATE newsletter_outbox SET attempts = ?, last_error = ?, lease_until = NULL,
              state = CASE WHEN ? THEN 'FAILED' ELSE state END, next_attempt_at = ?
            WHERE id = ? AND state = 'QUEUED'""";

    private static final String RELEASE =
            "UPDATE newsletter_outbox SET lease_until = NULL WHERE id = ANY (?) AND state = 'QUEUED' AND lease_until = ?";

    private static final String RENEW =
            "UPDATE newsletter_outbox SET lease_until = ? WHERE id = ANY (?) AND state = 'QUEUED' AND lease_until = ? RETURNING id";

    private static void bindFailedAttempt(java.sql.PreparedStatement statement, Claimed row, String error, Instant now,
                                          int maxAttempts, Duration backoff) throws java.sql.SQLException {
        int attempts = row.attempts() + 1;
        Instant next = now.plus(backoff.multipliedBy(1L << Math.min(attempts - 1, 20)));
        statement.setInt(1, attempts);
        statement.setString(2, error == null ? "" : error.substring(0, Math.min(error.length(), 500)));
        statement.setBoolean(3, attempts >= maxAttempts);
        statement.setTimestamp(4, ts(next));
        statement.setLong(5, row.id());
    }

    public long create(String newsletter, String subject, Instant now) {
        return jdbc.sql("INSERT INTO newsletter_issue (newsletter_code, subject, state, created_at) VALUES (?, ?, 'DRAFT', ?) RETURNING id")
                .params(newsletter, subject, ts(now)).query(Long.class).single();
    }

    public void update(long id, String subject, List<Issue.Item> items) {
        jdbc.sql("UPDATE newsletter_issue SET subject = ? WHERE id = ?").params(subject, id).update();
        jdbc.sql("DELETE FROM newsletter_issue_item WHERE issue_id = ?").param(id).update();
        for (int i = 0; i < items.size(); i++) {
            jdbc.sql("INSERT INTO newsletter_issue_item (issue_id, position, article_id, note) VALUES (?, ?, ?, ?)")
                    .params(id, i, items.get(i).articleId(), items.get(i).note()).update();
        }
    }

    public Optional<Issue> find(long id) {
        return jdbc.sql("SELECT * FROM newsletter_issue WHERE id = ?").param(id).query(this::issue).optional();
    }

    public List<Issue> latest(int limit) {
        return jdbc.sql("SELECT * FROM newsletter_issue ORDER BY id DESC LIMIT ?").param(limit).query(this::issue).list();
    }

    private Issue issue(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        Timestamp sendAt = rs.getTimestamp("send_at");
        List<Issue.Item> items = jdbc.sql("SELECT article_id, note FROM newsletter_issue_item WHERE issue_id = ? ORDER BY position")
                .param(id).query((r, i) -> new Issue.Item(r.getString(1), r.getString(2))).list();
        return new Issue(id, rs.getString("newsletter_code"), rs.getString("subject"),
                Issue.State.valueOf(rs.getString("state")), sendAt == null ? null : sendAt.toInstant(), items);
    }

    public boolean schedule(long id, Instant at) {
        return jdbc.sql("UPDATE newsletter_issue SET state = 'SCHEDULED', send_at = ? WHERE id = ? AND state IN ('DRAFT', 'SCHEDULED')")
                .params(ts(at), id).update() == 1;
    }

    public List<Long> dueIssues(Instant now) {
        return jdbc.sql("SELECT id FROM newsletter_issue WHERE state = 'SCHEDULED' AND send_at <= ? ORDER BY send_at")
                .param(ts(now)).query(Long.class).list();
    }

    /**
     * Writes one outbox row per confirmed subscriber (one statement, so one transaction) and
     * marks the issue as sending. @return rows written; -1 when the issue was not ready
     */
    public int enqueue(long id, Instant now) {
        int claimed = jdbc.sql("UPDATE newsletter_issue SET state = 'SENDING', queued_at = ? WHERE id = ? AND state IN ('DRAFT', 'SCHEDULED')")
                .params(ts(now), id).update();
        if (claimed == 0) {
            return -1;
        }
        return jdbc.sql("""
                        INSERT INTO newsletter_outbox (issue_id, email, state, next_attempt_at)
                        SELECT i.id, s.email, 'QUEUED', ?
                        FROM newsletter_issue i JOIN newsletter_subscription s
                          ON s.newsletter_code = i.newsletter_code AND s.state = 'CONFIRMED'
                        WHERE i.id = ?
                        ORDER BY s.email
                        ON CONFLICT (issue_id, email) DO NOTHING""")
                .params(ts(now), id).update();
    }

    public record Claimed(long id, long issue, String email, int attempts) {
    }

    /**
     * Claims up to {@code limit} due rows for this sender until {@code leaseUntil}: rows another
     * sender holds are skipped, so two senders never hand over the same message.
     */
    public List<Claimed> claim(int limit, Instant now, Instant leaseUntil) {
        return jdbc.sql(CLAIM).params(ts(leaseUntil), ts(now), ts(now), limit)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4))).list()
                .stream().sorted(java.util.Comparator.comparingLong(Claimed::id)).toList();
    }

    public void markFailedAttempt(Claimed row, String error, Instant now, int maxAttempts, Duration backoff) {
        int attempts = row.attempts() + 1;
        jdbc.sql(FAILED_ATTEMPT).params(attempts, error == null ? "" : error.substring(0, Math.min(error.length(), 500)),
                attempts >= maxAttempts, ts(now.plus(backoff.multipliedBy(1L << Math.min(attempts - 1, 20)))), row.id()).update();
    }

    /** Issues with nothing left to send are done. */
    public void finishIssues(Instant now) {
        jdbc.sql("""
                        UPDATE newsletter_issue i SET state = 'SENT', finished_at = ?
                        WHERE state = 'SENDING' AND NOT EXISTS
                          (SELECT 1 FROM newsletter_outbox o WHERE o.issue_id = i.id AND o.state = 'QUEUED')""")
                .param(ts(now)).update();
    }

    /** The addresses the issue would be queued to now: its newsletter's confirmed subscribers. */
    public long recipients(long issue) {
        return jdbc.sql("""
                        SELECT count(*) FROM newsletter_issue i JOIN newsletter_subscription s
                          ON s.newsletter_code = i.newsletter_code AND s.state = 'CONFIRMED'
                        WHERE i.id = ?""")
                .param(issue).query(Long.class).single();
    }

    public DeliveryCounts counts(long issue) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE state = 'QUEUED'), count(*) FILTER (WHERE state = 'SENT'),
                               count(*) FILTER (WHERE state = 'FAILED'), count(*) FILTER (WHERE state = 'BOUNCED')
                        FROM newsletter_outbox WHERE issue_id = ?""")
                .param(issue).query((rs, n) -> new DeliveryCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    /** A bounce for an address marks its latest sent message bounced (for the issue's counts). */
    public void markBounced(String email) {
        jdbc.sql("""
                        UPDATE newsletter_outbox SET state = 'BOUNCED'
                        WHERE id = (SELECT id FROM newsletter_outbox WHERE email = ? AND state = 'SENT' ORDER BY sent_at DESC LIMIT 1)""")
                .param(email).update();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
