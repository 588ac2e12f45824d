package jp.kawaraban.article.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads per article and hour ({@code article_reads}), added to by every node. */
@Repository
public class ReadCountRepository {

    /** An article and its reads within the window. */
    public record Reads(String articleId, long reads) {
    }

    private final JdbcTemplate jdbc;

    ReadCountRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the counts to the hour's rows in one batch: another node's counts for the same hour add up. */
    public void add(Map<String, Long> counts, Instant hour) {
        List<Object[]> rows = new ArrayList<>(counts.size());
        Timestamp at = Timestamp.from(hour);
        counts.forEach((article, reads) -> rows.add(new Object[]{article, at, reads}));
        jdbc.batchUpdate("""
                INSERT INTO article_reads (article_id, hour, reads) VALUES (?, ?, ?)
                ON CONFLICT (hour, article_id) DO UPDATE SET reads = article_reads.reads + EXCLUDED.reads""", rows);
    }

    /** The most-read published articles since {@code since}, most first. */
    public List<Reads> mostRead(Instant since, int limit) {
        return jdbc.query("""
                        SELECT r.article_id, sum(r.reads) AS reads FROM article_reads r
                        JOIN article a ON a.id = r.article_id AND a.status = 'PUBLISHED'
                        WHERE r.hour >= ? GROUP BY r.article_id ORDER BY reads DESC, r.article_id LIMIT ?""",
                (rs, n) -> new Reads(rs.getString("article_id"), rs.getLong("reads")), Timestamp.from(since), limit);
    }

    public int deleteBefore(Instant hour) {
        return jdbc.update("DELETE FROM article_reads WHERE hour < ?", Timestamp.from(hour));
    }
}
