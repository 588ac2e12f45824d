package jp.kawaraban.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.kawaraban.member.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Gift links (table {@code access_gift}): made, looked up by the token's hash, opened, revoked. */
@Repository
public class GiftRepository {

    /** A gift as stored; the article's headline is the caller's to find. */
    public record StoredGift(UUID id, MemberId giver, String articleId, Instant createdAt, Instant expiresAt,
                             Instant revokedAt, int opens) {
    }

    private final JdbcClient jdbc;

    GiftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a gift only while the giver has made fewer than {@code perMonth} this month. The
     * giver's month is locked first, so parallel requests (two tabs, an app retrying) are
     * counted one after the other and never make more than the limit together.
     *
     * @return whether it was stored
     */
    @Transactional
    public boolean insertWithinLimit(StoredGift gift, byte[] tokenHash, String month, int perMonth) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("access_gift:" + gift.giver().value() + ":" + month)
                .query((rs, n) -> 0).list();
        return jdbc.sql("""
                        INSERT INTO access_gift (id, token_hash, giver_id, article_id, month, created_at, expires_at)
                        SELECT ?, ?, ?, ?, ?, ?, ?
                        WHERE (SELECT count(*) FROM access_gift WHERE giver_id = ? AND month = ?) < ?""")
                .params(gift.id(), tokenHash, gift.giver().value(), gift.articleId(), month, ts(gift.createdAt()),
                        ts(gift.expiresAt()), gift.giver().value(), month, perMonth)
                .update() == 1;
    }

    public int madeIn(MemberId giver, String month) {
        return jdbc.sql("SELECT count(*) FROM access_gift WHERE giver_id = ? AND month = ?")
                .params(giver.value(), month).query(Integer.class).single();
    }

    /** Per article the giver gave: {gifts made, opens of them all}, revoked and expired gifts included. */
    public java.util.Map<String, int[]> countsByArticle(MemberId giver) {
        java.util.Map<String, int[]> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT article_id, count(*) AS made, coalesce(sum(opens), 0) AS opens FROM access_gift WHERE giver_id = ? GROUP BY article_id")
                .param(giver.value())
                .query(rs -> {
                    counts.put(rs.getString("article_id"), new int[] {rs.getInt("made"), rs.getInt("opens")});
                });
        return counts;
    }

    public Optional<StoredGift> byTokenHash(byte[] tokenHash) {
        return jdbc.sql("SELECT * FROM access_gift WHERE token_hash = ?").param(tokenHash).query(this::row).optional();
    }

    /** The giver's gifts, newest first; at most {@code limit}. */
    public List<StoredGift> byGiver(MemberId giver, int limit) {
        return jdbc.sql("SELECT * FROM access_gift WHERE giver_id = ? ORDER BY created_at DESC, id LIMIT ?")
                .params(giver.value(), limit).query(this::row).list();
    }

    public List<StoredGift> byGiver(MemberId giver, String articleId) {
        return jdbc.sql("SELECT * FROM access_gift WHERE giver_id = ? AND article_id = ? ORDER BY created_at DESC, id")
                .params(giver.value(), articleId).query(this::row).list();
    }

    /** @return false when the giver has no such gift (someone else's, or none) */
    public boolean revoke(MemberId giver, UUID id, Instant at) {
        int found = jdbc.sql("UPDATE access_gift SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? AND giver_id = ?")
                .params(ts(at), id, giver.value()).update();
        return found == 1;
    }

    public void countOpen(UUID id) {
        jdbc.sql("UPDATE access_gift SET opens = opens + 1 WHERE id = ?").param(id).update();
    }

    private StoredGift row(ResultSet rs, int n) throws SQLException {
        return new StoredGift(rs.getObject("id", UUID.class), new MemberId(rs.getObject("giver_id", UUID.class)),
                rs.getString("article_id"), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "revoked_at"), rs.getInt("opens"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
