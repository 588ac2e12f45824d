package jp.kawaraban.personal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.kawaraban.article.ArticleId;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.personal.Follow;
import jp.kawaraban.personal.FollowKind;
import jp.kawaraban.personal.SavedArticle;
import jp.kawaraban.personal.SavedFigure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Follows, reads and saves of members. Every write is one statement; repeating one is harmless. */
@Repository
public class PersonalRepository {

    private final JdbcClient jdbc;

    PersonalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- follows

    /** @return whether it was new */
    public boolean follow(MemberId member, FollowKind kind, String value, String label, Instant at) {
        return jdbc.sql("""
                        insert into personal_follow (member_id, kind, value, label, followed_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(member.value(), kind.name(), value, label, Timestamp.from(at)).update() > 0;
    }

    public boolean unfollow(MemberId member, FollowKind kind, String value) {
        return jdbc.sql("delete from personal_follow where member_id = ? and kind = ? and value = ?")
                .params(member.value(), kind.name(), value).update() > 0;
    }

    /** Newest first. */
    public List<Follow> follows(MemberId member) {
        return jdbc.sql("""
                        select kind, value, label, followed_at from personal_follow
                        where member_id = ? order by followed_at desc, kind, value""")
                .param(member.value())
                .query((rs, n) -> new Follow(FollowKind.valueOf(rs.getString("kind")), rs.getString("value"),
                        rs.getString("label"), instant(rs, "followed_at")))
                .list();
    }

    /**
     * Follows of one thing become follows of another, since the date they followed the first; a
     * member who followed both keeps one.
     */
    public void moveFollows(String kind, String from, String into, String intoLabel) {
        jdbc.sql("""
                        insert into personal_follow (member_id, kind, value, label, followed_at)
                        select member_id, kind, ?, ?, followed_at from personal_follow
                        where kind = ? and value = ?
                        on conflict do nothing""")
                .params(into, intoLabel, kind, from).update();
        jdbc.sql("delete from personal_follow where kind = ? and value = ?").params(kind, from).update();
    }

    /** Follows of an entity show its name as it is now. */
    public void relabelEntityFollows(String entityId, String label) {
        jdbc.sql("update personal_follow set label = ? where kind = 'ENTITY' and value = ? and label <> ?")
                .params(label, entityId, label).update();
    }

    public int countFollows(MemberId member) {
        return jdbc.sql("select count(*) from personal_follow where member_id = ?").param(member.value())
                .query(Integer.class).single();
    }

    // --- reads

    public void markRead(MemberId member, ArticleId article, Instant at) {
        jdbc.sql("""
                        insert into personal_read (member_id, article_id, read_at) values (?, ?, ?)
                        on conflict do nothing""")
                .params(member.value(), article.value(), Timestamp.from(at)).update();
    }

    public Set<String> readAmong(MemberId member, List<String> articleIds) {
        if (articleIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select article_id from personal_read where member_id = ? and article_id = any(?)")
                .params(member.value(), articleIds.toArray(String[]::new))
                .query(String.class).list());
    }

    // --- saved articles

    public void saveArticle(MemberId member, ArticleId article, String headline, Instant at) {
        jdbc.sql("""
                        insert into personal_saved_article (member_id, article_id, headline, saved_at)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(member.value(), article.value(), headline, Timestamp.from(at)).update();
    }

    public boolean unsaveArticle(MemberId member, String articleId) {
        return jdbc.sql("delete from personal_saved_article where member_id = ? and article_id = ?")
                .params(member.value(), articleId).update() > 0;
    }

    public List<String> savedArticleIds(MemberId member) {
        return jdbc.sql("select article_id from personal_saved_article where member_id = ?")
                .param(member.value()).query(String.class).list();
    }

    /** Each saved figure as {article id, image id}. */
    public List<String[]> savedFigureKeys(MemberId member) {
        return jdbc.sql("select article_id, image_id from personal_saved_figure where member_id = ?")
                .param(member.value()).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    public boolean isSaved(MemberId member, String articleId) {
        return jdbc.sql("select count(*) from personal_saved_article where member_id = ? and article_id = ?")
                .params(member.value(), articleId).query(Integer.class).single() > 0;
    }

    /** Newest first; {@code contains} (may be empty) filters by headline. */
    public List<SavedArticle> savedArticles(MemberId member, String contains, long offset, int limit) {
        return jdbc.sql("""
                        select article_id, headline, saved_at, withdrawn_at from personal_saved_article
                        where member_id = :member and (:pattern = '' or headline ilike :pattern escape '\\')
                        order by saved_at desc, article_id limit :limit offset :offset""")
                .param("member", member.value()).param("pattern", pattern(contains))
                .param("limit", limit).param("offset", offset)
                .query(PersonalRepository::savedArticle)
                .list();
    }

    /** One saved article (withdrawn ones too). */
    public Optional<SavedArticle> savedArticle(MemberId member, String articleId) {
        return jdbc.sql("select article_id, headline, saved_at, withdrawn_at from personal_saved_article"
                        + " where member_id = ? and article_id = ?")
                .params(member.value(), articleId).query(PersonalRepository::savedArticle).optional();
    }

    private static SavedArticle savedArticle(ResultSet rs, int row) throws SQLException {
        return new SavedArticle(rs.getString("article_id"), rs.getString("headline"), instant(rs, "saved_at"),
                instant(rs, "withdrawn_at"));
    }

    public long countSavedArticles(MemberId member, String contains) {
        return jdbc.sql("""
                        select count(*) from personal_saved_article
                        where member_id = :member and (:pattern = '' or headline ilike :pattern escape '\\')""")
                .param("member", member.value()).param("pattern", pattern(contains)).query(Long.class).single();
    }

    // --- saved figures

    public void saveFigure(MemberId member, ArticleId article, String imageId, String caption, String credit,
                           String headline, Instant at) {
        jdbc.sql("""
                        insert into personal_saved_figure (member_id, article_id, image_id, caption, credit, headline, saved_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(member.value(), article.value(), imageId, caption, credit, headline, Timestamp.from(at))
                .update();
    }

    public boolean unsaveFigure(MemberId member, String articleId, String imageId) {
        return jdbc.sql("delete from personal_saved_figure where member_id = ? and article_id = ? and image_id = ?")
                .params(member.value(), articleId, imageId).update() > 0;
    }

    public Set<String> savedFigureIds(MemberId member, String articleId) {
        return new HashSet<>(jdbc.sql("select image_id from personal_saved_figure where member_id = ? and article_id = ?")
                .params(member.value(), articleId).query(String.class).list());
    }

    /** Newest first; {@code contains} (may be empty) filters by caption or headline. */
    public List<SavedFigure> savedFigures(MemberId member, String contains, long offset, int limit) {
        return jdbc.sql("""
                        select article_id, image_id, caption, credit, headline, saved_at, withdrawn_at
                        from personal_saved_figure
                        where member_id = :member
                          and (:pattern = '' or caption ilike :pattern escape '\\' or headline ilike :pattern escape '\\')
                        order by saved_at desc, article_id, image_id limit :limit offset :offset""")
                .param("member", member.value()).param("pattern", pattern(contains))
                .param("limit", limit).param("offset", offset)
                .query(PersonalRepository::savedFigure)
                .list();
    }

    /** One saved figure (of a withdrawn article too). */
    public Optional<SavedFigure> savedFigure(MemberId member, String articleId, String imageId) {
        return jdbc.sql("select article_id, image_id, caption, credit, headline, saved_at, withdrawn_at"
                        + " from personal_saved_figure where member_id = ? and article_id = ? and image_id = ?")
                .params(member.value(), articleId, imageId).query(PersonalRepository::savedFigure).optional();
    }

    private static SavedFigure savedFigure(ResultSet rs, int row) throws SQLException {
        return new SavedFigure(rs.getString("article_id"), rs.getString("image_id"), rs.getString("caption"),
                rs.getString("credit"), rs.getString("headline"), instant(rs, "saved_at"), instant(rs, "withdrawn_at"));
    }

    public long countSavedFigures(MemberId member, String contains) {
        return jdbc.sql("""
                        select count(*) from personal_saved_figure
                        where member_id = :member
                          and (:pattern = '' or caption ilike :pattern escape '\\' or headline ilike :pattern escape '\\')""")
                .param("member", member.value()).param("pattern", pattern(contains)).query(Long.class).single();
    }

    // --- article events

    /** Saved copies of a withdrawn article become notices. */
    public void articleWithdrawn(String articleId, Instant at) {
        jdbc.sql("update personal_saved_article set withdrawn_at = ? where article_id = ? and withdrawn_at is null")
                .params(Timestamp.from(at), articleId).update();
        jdbc.sql("update personal_saved_figure set withdrawn_at = ? where article_id = ? and withdrawn_at is null")
                .params(Timestamp.from(at), articleId).update();
    }

    /** Saved lists show the headline as it is now. */
    public void headlineChanged(String articleId, String headline) {
        jdbc.sql("update personal_saved_article set headline = ? where article_id = ? and withdrawn_at is null")
                .params(headline, articleId).update();
        jdbc.sql("update personal_saved_figure set headline = ? where article_id = ? and withdrawn_at is null")
                .params(headline, articleId).update();
    }

    // --- the member's data

    public List<java.util.Map<String, Object>> reads(MemberId member) {
        return jdbc.sql("select article_id, read_at from personal_read where member_id = ? order by read_at")
                .param(member.value()).query().listOfRows();
    }

    public void forget(MemberId member) {
        for (String table : List.of("personal_follow", "personal_read", "personal_saved_article", "personal_saved_figure")) {
            jdbc.sql("delete from " + table + " where member_id = ?").param(member.value()).update();
        }
    }

    /** A LIKE pattern matching {@code text} anywhere, with LIKE's wildcards taken literally; '' for no filter. */
    static String pattern(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
