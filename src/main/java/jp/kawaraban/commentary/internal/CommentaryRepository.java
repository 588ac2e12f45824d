package jp.kawaraban.commentary.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.kawaraban.article.ArticleId;
import jp.kawaraban.commentary.ExpertComment;
import jp.kawaraban.commentary.ExpertProfile;
import jp.kawaraban.member.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Experts' profiles and their commentary. Knows nothing of articles beyond their ids. */
@Repository
public class CommentaryRepository {

    private static final String COMMENT_COLUMNS = """
            c.id, c.article_id, c.body, c.created_at, c.edited_at, c.hidden_at, c.hidden_by, c.hidden_reason,
            e.member_id, e.display_name, e.title, e.bio, e.initials, e.updated_at
            FROM commentary c JOIN commentary_expert e ON e.member_id = c.expert_id""";

    private final JdbcClient jdbc;

    CommentaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A commentary's id and its article's, for filtering by what is still published before loading texts. */
    public record Ref(UUID id, ArticleId article) {
    }

    // --- profiles ---------------------------------------------------------------------

    public Optional<ExpertProfile> profile(MemberId expert) {
        return jdbc.sql("SELECT member_id, display_name, title, bio, initials, updated_at FROM commentary_expert WHERE member_id = ?")
                .param(expert.value()).query((rs, n) -> profile(rs)).optional();
    }

    public void saveProfile(ExpertProfile profile) {
        jdbc.sql("""
                        INSERT INTO commentary_expert (member_id, display_name, title, bio, initials, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (member_id) DO UPDATE SET display_name = EXCLUDED.display_name,
                          title = EXCLUDED.title, bio = EXCLUDED.bio, initials = EXCLUDED.initials,
                          updated_at = EXCLUDED.updated_at""")
                .params(profile.expert().value(), profile.displayName(), profile.title(), profile.bio(),
                        profile.initials(), ts(profile.updatedAt()))
                .update();
    }

    /** Creates the profile unless one exists (concurrent first writes are harmless). */
    public void insertProfileIfMissing(ExpertProfile profile) {
        jdbc.sql("""
                        INSERT INTO commentary_expert (member_id, display_name, title, bio, initials, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (member_id) DO NOTHING""")
                .params(profile.expert().value(), profile.displayName(), profile.title(), profile.bio(),
                        profile.initials(), ts(profile.updatedAt()))
                .update();
    }

    // --- commentary -------------------------------------------------------------------

    /**
     * Writes the expert's commentary on the article, or replaces its text if they wrote one
     * before (marked edited when the text changed).
     */
    public UUID upsert(ArticleId article, MemberId expert, String body, Instant now) {
        return jdbc.sql("""
                        INSERT INTO commentary (id, article_id, expert_id, body, created_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (article_id, expert_id) DO UPDATE SET body = EXCLUDED.body,
                          edited_at = CASE WHEN commentary.body = EXCLUDED.body THEN commentary.edited_at
                                           ELSE EXCLUDED.created_at END
                        RETURNING id""")
                .params(UUID.randomUUID(), article.value(), expert.value(), body, ts(now))
                .query(UUID.class).single();
    }

    public boolean updateText(UUID id, String body, Instant now) {
        return jdbc.sql("""
                        UPDATE commentary SET body = ?, edited_at = CASE WHEN body = ? THEN edited_at ELSE ? END
                        WHERE id = ?""")
                .params(body, body, ts(now), id).update() == 1;
    }

    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM commentary WHERE id = ?").param(id).update() == 1;
    }

    public boolean hide(UUID id, MemberId editor, String reason, Instant now) {
        return jdbc.sql("UPDATE commentary SET hidden_at = ?, hidden_by = ?, hidden_reason = ? WHERE id = ?")
                .params(ts(now), editor.value(), reason, id).update() == 1;
    }

    public boolean unhide(UUID id) {
        return jdbc.sql("UPDATE commentary SET hidden_at = NULL, hidden_by = NULL, hidden_reason = NULL WHERE id = ?")
                .param(id).update() == 1;
    }

    public Optional<ExpertComment> find(UUID id) {
        return jdbc.sql("SELECT " + COMMENT_COLUMNS + " WHERE c.id = ?").param(id).query((rs, n) -> comment(rs)).optional();
    }

    public Optional<ExpertComment> find(ArticleId article, MemberId expert) {
        return jdbc.sql("SELECT " + COMMENT_COLUMNS + " WHERE c.article_id = ? AND c.expert_id = ?")
                .params(article.value(), expert.value()).query((rs, n) -> comment(rs)).optional();
    }

    /** Visible commentary on an article, plus {@code viewer}'s own even when hidden; oldest first. */
    public List<ExpertComment> onArticle(ArticleId article, MemberId viewer) {
        return jdbc.sql("SELECT " + COMMENT_COLUMNS + """
                         WHERE c.article_id = ? AND (c.hidden_at IS NULL OR c.expert_id = ?)
                        ORDER BY c.created_at, c.id""")
                .params(article.value(), viewer == null ? null : viewer.value())
                .query((rs, n) -> comment(rs)).list();
    }

    public int countVisible(ArticleId article) {
        return jdbc.sql("SELECT count(*) FROM commentary WHERE article_id = ? AND hidden_at IS NULL")
                .param(article.value()).query(Integer.class).single();
    }

    /** An expert's commentary, newest first; hidden ones only when asked for. */
    public List<Ref> refsByExpert(MemberId expert, boolean includeHidden) {
        return jdbc.sql("SELECT id, article_id FROM commentary WHERE expert_id = ?"
                        + (includeHidden ? "" : " AND hidden_at IS NULL") + " ORDER BY created_at DESC, id")
                .param(expert.value()).query((rs, n) -> ref(rs)).list();
    }

    /** The newest commentary of all experts, hidden ones included (the editors' list). */
    public List<Ref> newestRefs(int limit) {
        return jdbc.sql("SELECT id, article_id FROM commentary ORDER BY created_at DESC, id LIMIT ?")
                .param(limit).query((rs, n) -> ref(rs)).list();
    }

    /** The given commentary, newest first. */
    public List<ExpertComment> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COMMENT_COLUMNS + " WHERE c.id = ANY(?) ORDER BY c.created_at DESC, c.id")
                .param(ids.toArray(UUID[]::new)).query((rs, n) -> comment(rs)).list();
    }

    /** Everything an expert wrote, withdrawn articles' and hidden ones included: for their export. */
    public List<ExpertComment> allByExpert(MemberId expert) {
        return jdbc.sql("SELECT " + COMMENT_COLUMNS + " WHERE c.expert_id = ? ORDER BY c.created_at DESC, c.id")
                .param(expert.value()).query((rs, n) -> comment(rs)).list();
    }

    /** Deletes the expert's profile and, with it (ON DELETE CASCADE), all their commentary. */
    /** Deletes the member's commentary and expert profile; how many comments went. */
    public int forget(MemberId member) {
        int comments = jdbc.sql("DELETE FROM commentary WHERE expert_id = ?").param(member.value()).update();
        jdbc.sql("DELETE FROM commentary_expert WHERE member_id = ?").param(member.value()).update();
        return comments;
    }

    private static Ref ref(ResultSet rs) throws SQLException {
        return new Ref(rs.getObject("id", UUID.class), new ArticleId(rs.getString("article_id")));
    }

    private static ExpertProfile profile(ResultSet rs) throws SQLException {
        return new ExpertProfile(new MemberId(rs.getObject("member_id", UUID.class)), rs.getString("display_name"),
                rs.getString("title"), rs.getString("bio"), rs.getString("initials"), instant(rs, "updated_at"));
    }

    private static ExpertComment comment(ResultSet rs) throws SQLException {
        Instant hiddenAt = instant(rs, "hidden_at");
        UUID hiddenBy = rs.getObject("hidden_by", UUID.class);
        return new ExpertComment(rs.getObject("id", UUID.class), new ArticleId(rs.getString("article_id")), profile(rs),
                rs.getString("body"), instant(rs, "created_at"), instant(rs, "edited_at"),
                hiddenAt == null ? null : new ExpertComment.Hiding(hiddenAt,
                        hiddenBy == null ? null : new MemberId(hiddenBy), rs.getString("hidden_reason")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
