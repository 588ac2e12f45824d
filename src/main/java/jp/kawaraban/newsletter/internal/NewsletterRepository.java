package jp.kawaraban.newsletter.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.kawaraban.member.MemberId;
import jp.kawaraban.newsletter.Newsletter;
import jp.kawaraban.newsletter.SubscriptionState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Newsletters, subscriptions, the consent trail and one-use links. */
@Repository
public class NewsletterRepository {

    private final JdbcClient jdbc;

    NewsletterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- newsletters ----------------------------------------------------------------

    public List<Newsletter> newsletters() {
        return jdbc.sql("SELECT * FROM newsletter ORDER BY position, code").query(NewsletterRepository::newsletter).list();
    }

    public Optional<Newsletter> newsletter(String code) {
        return jdbc.sql("SELECT * FROM newsletter WHERE code = ?").param(code).query(NewsletterRepository::newsletter).optional();
    }

    private static Newsletter newsletter(ResultSet rs, int row) throws SQLException {
        return new Newsletter(rs.getString("code"), rs.getString("name"), rs.getString("description"),
                rs.getString("schedule"), ZoneId.of(rs.getString("zone")), rs.getString("sender_name"),
                rs.getString("sender_address"));
    }

    // --- subscriptions ----------------------------------------------------------------

    public record Row(String email, String newsletter, SubscriptionState state, MemberId member) {
    }

    public List<Row> subscriptions(String email) {
        return jdbc.sql("SELECT * FROM newsletter_subscription WHERE email = ?").param(email).query(NewsletterRepository::row).list();
    }

    public Optional<Row> subscription(String email, String newsletter) {
        return jdbc.sql("SELECT * FROM newsletter_subscription WHERE email = ? AND newsletter_code = ?")
                .params(email, newsletter).query(NewsletterRepository::row).optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        UUID member = rs.getObject("member_id", UUID.class);
        return new Row(rs.getString("email"), rs.getString("newsletter_code"),
                SubscriptionState.valueOf(rs.getString("state")), member == null ? null : new MemberId(member));
    }

    /** A PENDING row for an address that never had one; existing rows keep their state. */
    public void addPending(String email, String newsletter, MemberId member, Instant now) {
        jdbc.sql("""
                        INSERT INTO newsletter_subscription (email, newsletter_code, state, member_id, created_at, changed_at)
                        VALUES (?, ?, 'PENDING', ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(email, newsletter, member == null ? null : member.value(), ts(now), ts(now)).update();
    }

    public void confirm(String email, String newsletter, MemberId member, Instant now) {
        jdbc.sql("""
                        INSERT INTO newsletter_subscription (email, newsletter_code, state, member_id, created_at, confirmed_at, changed_at)
                        VALUES (?, ?, 'CONFIRMED', ?, ?, ?, ?)
                        ON CONFLICT (email, newsletter_code) DO UPDATE SET state = 'CONFIRMED',
                          member_id = COALESCE(EXCLUDED.member_id, newsletter_subscription.member_id),
                          confirmed_at = EXCLUDED.confirmed_at, changed_at = EXCLUDED.changed_at""")
                .params(email, newsletter, member == null ? null : member.value(), ts(now), ts(now), ts(now)).update();
    }

    /** @return whether the row changed (it was not already in that state) */
    public boolean setState(String email, String newsletter, SubscriptionState state, Instant now) {
        return jdbc.sql("""
                        UPDATE newsletter_subscription SET state = ?, changed_at = ?
                        WHERE email = ? AND newsletter_code = ? AND state <> ?""")
                .params(state.name(), ts(now), email, newsletter, state.name()).update() > 0;
    }

    // --- consent trail ----------------------------------------------------------------

    public void consent(String email, String newsletter, String action, String source, String statement,
                        String clientAddress, Instant at) {
        jdbc.sql("""
                        INSERT INTO newsletter_consent (email, newsletter_code, action, source, statement, client_address, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(email, newsletter, action, source, statement, clientAddress, ts(at)).update();
    }

    public List<String> consentActions(String email, String newsletter) {
        return jdbc.sql("SELECT action FROM newsletter_consent WHERE email = ? AND newsletter_code = ? ORDER BY id")
                .params(email, newsletter).query(String.class).list();
    }

    // --- one-use links ----------------------------------------------------------------

    /** A mailed link; {@code unlockMarking} is the marking an unlock link was issued under (else null). */
    public record Link(String purpose, String email, List<String> newsletters, String article, String source,
                       Long unlockMarking) {
    }

    public void insertLink(String hash, String purpose, String email, List<String> newsletters, String article,
                           String source, Instant now, Instant expires) {
        jdbc.sql("""
                        INSERT INTO newsletter_link (token_hash, purpose, email, newsletter_codes, article_id, source, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(hash, purpose, email, String.join(",", newsletters), article, source, ts(now), ts(expires)).update();
    }

    /** An unlock link, bound to the marking of the article it was issued under. */
    public void insertUnlockLink(String hash, String purpose, String email, String article, long marking,
                                 Instant now, Instant expires) {
        jdbc.sql("""
                        INSERT INTO newsletter_link (token_hash, purpose, email, article_id, source, created_at, expires_at, unlock_marking)
                        VALUES (?, ?, ?, ?, 'article', ?, ?, ?)""")
                .params(hash, purpose, email, article, ts(now), ts(expires), marking).update();
    }

    public int linksSince(String email, Instant since) {
        return jdbc.sql("SELECT count(*) FROM newsletter_link WHERE email = ? AND created_at > ?")
                .params(email, ts(since)).query(Integer.class).single();
    }

    /** Other addresses this client asked confirmation mails for since then (from the consent trail). */
    public int addressesFromClientSince(String clientAddress, String exceptEmail, Instant since) {
        return jdbc.sql("""
                        SELECT count(DISTINCT email) FROM newsletter_consent
                        WHERE client_address = ? AND action = 'REQUESTED' AND at > ? AND email <> ?
                        """)
                .params(clientAddress, ts(since), exceptEmail).query(Integer.class).single();
    }

    public Optional<Link> usableLink(String hash, String purpose, Instant now) {
        return jdbc.sql("SELECT * FROM newsletter_link WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?")
                .params(hash, purpose, ts(now)).query(NewsletterRepository::link).optional();
    }

    /** Marks the link used; empty when it was unknown, used or expired (also by a concurrent click). */
    public Optional<Link> useLink(String hash, String purpose, Instant now) {
        return jdbc.sql("""
                        UPDATE newsletter_link SET used_at = ?
                        WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
                        RETURNING *""")
                .params(ts(now), hash, purpose, ts(now)).query(NewsletterRepository::link).optional();
    }

    private static Link link(ResultSet rs, int n) throws SQLException {
        String codes = rs.getString("newsletter_codes");
        return new Link(rs.getString("purpose"), rs.getString("email"),
                codes.isEmpty() ? List.of() : Arrays.asList(codes.split(",")), rs.getString("article_id"),
                rs.getString("source"), rs.getObject("unlock_marking", Long.class));
    }

    public void forgetLinksBefore(Instant before) {
        jdbc.sql("DELETE FROM newsletter_link WHERE expires_at < ?").param(ts(before)).update();
    }

    // --- suppression ---------------------------------------------------------------------

    /** Stops every subscription of the address that is receiving or waiting; @return how many */
    public int suppress(String email, String reason, String detail, Instant now) {
        jdbc.sql("""
                        INSERT INTO newsletter_suppression (email, reason, detail, at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (email) DO UPDATE SET reason = EXCLUDED.reason, detail = EXCLUDED.detail, at = EXCLUDED.at""")
                .params(email, reason, detail, ts(now)).update();
        jdbc.sql("UPDATE newsletter_outbox SET state = 'FAILED', last_error = 'suppressed' WHERE email = ? AND state = 'QUEUED'")
                .param(email).update();
        return jdbc.sql("""
                        UPDATE newsletter_subscription SET state = 'SUPPRESSED', changed_at = ?
                        WHERE email = ? AND state IN ('CONFIRMED', 'PENDING')""")
                .params(ts(now), email).update();
    }

    public Optional<String> suppressionReason(String email) {
        return jdbc.sql("SELECT reason FROM newsletter_suppression WHERE email = ?").param(email).query(String.class).optional();
    }

    public void liftSuppression(String email) {
        jdbc.sql("DELETE FROM newsletter_suppression WHERE email = ?").param(email).update();
    }

    // --- email unlock ------------------------------------------------------------------

    public boolean isEligible(String article) {
        return jdbc.sql("SELECT count(*) FROM newsletter_unlock_eligible WHERE article_id = ?").param(article)
                .query(Integer.class).single() > 0;
    }

    /** The number of the article's current marking, empty when it is not marked. */
    public Optional<Long> unlockMarking(String article) {
        return jdbc.sql("SELECT marking FROM newsletter_unlock_eligible WHERE article_id = ?").param(article)
                .query(Long.class).optional();
    }

    /** Marking takes a new number ({@code marking}'s default); marking a marked article again keeps its number. */
    public void setEligible(String article, boolean eligible, Instant now) {
        if (eligible) {
            jdbc.sql("INSERT INTO newsletter_unlock_eligible (article_id, marked_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(article, ts(now)).update();
        } else {
            jdbc.sql("DELETE FROM newsletter_unlock_eligible WHERE article_id = ?").param(article).update();
        }
    }

    public List<String> eligible() {
        return jdbc.sql("SELECT article_id FROM newsletter_unlock_eligible ORDER BY marked_at DESC").query(String.class).list();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
