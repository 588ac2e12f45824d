package jp.kawaraban.article.internal;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticleStatus;
import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.article.Body;
import jp.kawaraban.article.DeskFilter;
import jp.kawaraban.article.DeskSummary;
import jp.kawaraban.article.EditedArticle;
import jp.kawaraban.article.KeywordCount;
import jp.kawaraban.article.PageOf;
import jp.kawaraban.article.PageRequest;
import jp.kawaraban.article.Revision;
import jp.kawaraban.article.Section;
import jp.kawaraban.article.Series;
import jp.kawaraban.article.SourceOutlet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for the article module's tables; nothing outside the module touches them. */
@Repository
public class ArticleRepository {

    private static final String SUMMARY_COLUMNS = """
            a.id, a.headline, a.lead, a.section_code, s.name as section_name, a.keywords,
            a.access_level, a.published_at, a.updated_at
            """;
    private static final String SUMMARY_FROM = " from article a join article_section s on s.code = a.section_code ";
    private static final String PUBLISHED = "a.status = 'PUBLISHED'";

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ArticleRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- sections and series -------------------------------------------------------------

    public void saveSection(Section section, int position) {
        jdbc.sql("""
                        insert into article_section (code, name, position) values (?, ?, ?)
                        on conflict (code) do update set name = excluded.name, position = excluded.position
                        """)
                .params(section.code(), section.name(), position).update();
    }

    public void saveSeries(Series series) {
        jdbc.sql("""
                        insert into article_series (code, name, kind, description) values (?, ?, ?, ?)
                        on conflict (code) do update
                        set name = excluded.name, kind = excluded.kind, description = excluded.description
                        """)
                .params(series.code(), series.name(), series.kind().name().toLowerCase(), series.description())
                .update();
    }

    public List<Section> sections() {
        return jdbc.sql("select code, name from article_section order by position, code")
                .query((rs, i) -> new Section(rs.getString("code"), rs.getString("name"))).list();
    }

    public Optional<Section> section(String code) {
        return jdbc.sql("select code, name from article_section where code = ?").param(code)
                .query((rs, i) -> new Section(rs.getString("code"), rs.getString("name"))).optional();
    }

    public List<Series> allSeries() {
        return jdbc.sql("select code, name, kind, description from article_series order by kind, name")
                .query((rs, i) -> series(rs, "")).list();
    }

    public Optional<Series> series(String code) {
        return jdbc.sql("select code, name, kind, description from article_series where code = ?").param(code)
                .query((rs, i) -> series(rs, "")).optional();
    }

    // ---- articles --------------------------------------------------------------------------

    public Optional<ArticleId> idForSourceKey(String sourceKey) {
        return jdbc.sql("select id from article where source_key = ?").param(sourceKey)
                .query((rs, i) -> new ArticleId(rs.getString(1))).optional();
    }

    /** A new article published at once (the demo edition, archive imports). */
    public void insert(ArticleId id, String sourceKey, ArticleContent content, Instant publishedAt) {
        jdbc.sql("""
                        insert into article (id, source_key, headline, subheadline, lead, body, bylines, section_code,
                            series_code, keywords, access_level, status, published_at, source_outlet, source_url,
                            top_story, related_ids, revision, created_at, edited_at)
                        values (:id, :sourceKey, :headline, :subheadline, :lead, cast(:body as jsonb), :bylines,
                            :section, :series, :keywords, :access, 'PUBLISHED', :publishedAt, :outlet, :url, :top,
                            :related, 1, :publishedAt, :publishedAt)
                        """)
                .params(contentParameters(content))
                .param("id", id.value())
                .param("sourceKey", sourceKey)
                .param("publishedAt", utc(publishedAt))
                .update();
        insertRevision(id, 1, publishedAt, Revision.Kind.PUBLISH, null, content);
    }

    /** A new draft: stored, seen by nobody but the desk, no revision yet. */
    public void insertDraft(ArticleId id, String sourceKey, ArticleContent content, Instant at) {
        jdbc.sql("""
                        insert into article (id, source_key, headline, subheadline, lead, body, bylines, section_code,
                            series_code, keywords, access_level, status, source_outlet, source_url, top_story,
                            related_ids, revision, created_at, edited_at)
                        values (:id, :sourceKey, :headline, :subheadline, :lead, cast(:body as jsonb), :bylines,
                            :section, :series, :keywords, :access, 'DRAFT', :outlet, :url, :top, :related, 0, :at, :at)
                        """)
                .params(contentParameters(content))
                .param("id", id.value())
                .param("sourceKey", sourceKey)
                .param("at", utc(at))
                .update();
    }

    /**
     * Replaces a draft's (or scheduled article's) text if it is still at {@code expectedVersion}.
     *
     * @return the new version, or empty when the article is not a draft at that version
     */
    public Optional<Integer> saveDraft(ArticleId id, ArticleContent content, int expectedVersion, Instant at) {
        return jdbc.sql("""
                        update article set headline = :headline, subheadline = :subheadline, lead = :lead,
                            body = cast(:body as jsonb), bylines = :bylines, section_code = :section,
                            series_code = :series, keywords = :keywords, access_level = :access,
                            source_outlet = :outlet, source_url = :url, top_story = :top, related_ids = :related,
                            version = version + 1, edited_at = :at
                        where id = :id and version = :version and status in ('DRAFT', 'SCHEDULED')
                        returning version
                        """)
                .params(contentParameters(content))
                .param("id", id.value())
                .param("version", expectedVersion)
                .param("at", utc(at))
                .query(Integer.class).optional();
    }

    /** Sets (or clears, with {@code null}) the time a draft publishes itself. */
    public Optional<Integer> schedule(ArticleId id, Instant publishAt, int expectedVersion, Instant at) {
        return jdbc.sql("""
                        update article set status = case when cast(:publishAt as timestamptz) is null then 'DRAFT'
                                else 'SCHEDULED' end,
                            scheduled_at = :publishAt, version = version + 1, edited_at = :at
                        where id = :id and version = :version and status in ('DRAFT', 'SCHEDULED')
                        returning version
                        """)
                .param("id", id.value())
                .param("publishAt", publishAt == null ? null : utc(publishAt))
                .param("version", expectedVersion)
                .param("at", utc(at))
                .query(Integer.class).optional();
    }

    /**
     * Publishes a draft or scheduled article: it becomes revision 1.
     *
     * @param expectedVersion the version the editor saw, or {@code null} for the scheduler
     * @return the new version, or empty when it is not a draft (at that version)
     */
    public Optional<Integer> publishDraft(ArticleId id, Integer expectedVersion, Instant publishedAt) {
        Optional<Integer> version = jdbc.sql("""
                        update article set status = 'PUBLISHED', published_at = :at, scheduled_at = null,
                            revision = 1, version = version + 1, edited_at = :at
                        where id = :id and status in ('DRAFT', 'SCHEDULED')
                            and (cast(:version as integer) is null or version = :version)
                        returning version
                        """)
                .param("id", id.value())
                .param("version", expectedVersion)
                .param("at", utc(publishedAt))
                .query(Integer.class).optional();
        version.ifPresent(v -> insertRevision(id, 1, publishedAt, Revision.Kind.PUBLISH, null,
                findForEditing(id).orElseThrow().content()));
        return version;
    }

    /** Scheduled articles whose time has come, locked for this transaction (another node skips them). */
    public List<ArticleId> dueForPublishing(Instant now, int limit) {
        return jdbc.sql("""
                        select id from article where status = 'SCHEDULED' and scheduled_at <= ?
                        order by scheduled_at limit ? for update skip locked
                        """)
                .params(utc(now), limit)
                .query((rs, i) -> new ArticleId(rs.getString(1))).list();
    }

    /**
     * Replaces the current text of a published article and keeps it as a new revision: an
     * update (readers see the note and date) or a correction (readers see the notice).
     *
     * @param expectedVersion the version the editor started from, or {@code null} to overwrite
     * @return the new revision's number, or empty when no published article has this id (at that version)
     */
    public Optional<Integer> update(ArticleId id, ArticleContent content, Instant at, Revision.Kind kind, String note,
                                    Integer expectedVersion) {
        boolean correction = kind == Revision.Kind.CORRECTION;
        Integer revision = jdbc.sql("""
                        update article set headline = :headline, subheadline = :subheadline, lead = :lead,
                            body = cast(:body as jsonb), bylines = :bylines, section_code = :section,
                            series_code = :series, keywords = :keywords, access_level = :access,
                            source_outlet = :outlet, source_url = :url, top_story = :top, related_ids = :related,
                            updated_at = case when :correction then updated_at else :at end,
                            update_note = case when :correction then update_note else :note end,
                            corrected_at = case when :correction then :at else corrected_at end,
                            correction_note = case when :correction then :note else correction_note end,
                            revision = revision + 1, version = version + 1, edited_at = :at
                        where id = :id and status = 'PUBLISHED'
                            and (cast(:version as integer) is null or version = :version)
                        returning revision
                        """)
                .params(contentParameters(content))
                .param("id", id.value())
                .param("at", utc(at))
                .param("note", note)
                .param("correction", correction)
                .param("version", expectedVersion)
                .query(Integer.class).optional().orElse(null);
        if (revision == null) {
            return Optional.empty();
        }
        insertRevision(id, revision, at, kind, note, content);
        return Optional.of(revision);
    }

    /** @param expectedVersion the version the editor saw, or {@code null} to withdraw whatever it is now */
    public boolean withdraw(ArticleId id, Instant at, Integer expectedVersion) {
        return jdbc.sql("""
                        update article set status = 'WITHDRAWN', withdrawn_at = :at, version = version + 1, edited_at = :at
                        where id = :id and status = 'PUBLISHED'
                            and (cast(:version as integer) is null or version = :version)
                        """)
                .param("at", utc(at))
                .param("id", id.value())
                .param("version", expectedVersion)
                .update() == 1;
    }

    /** Deletes a draft that was never published, if still at {@code expectedVersion}. */
    public boolean discardDraft(ArticleId id, int expectedVersion) {
        return jdbc.sql("delete from article where id = ? and version = ? and status in ('DRAFT', 'SCHEDULED')")
                .params(id.value(), expectedVersion).update() == 1;
    }

    private static final String ARTICLE_SELECT = """
            select a.*, s.name as section_name, se.code as se_code, se.name as se_name,
                   se.kind as se_kind, se.description as se_description
            from article a
            join article_section s on s.code = a.section_code
            left join article_series se on se.code = a.series_code
            """;

    public Optional<Article> findPublished(ArticleId id) {
        return jdbc.sql(ARTICLE_SELECT + "where a.id = ? and a.status = 'PUBLISHED'")
                .param(id.value())
                .query(this::article)
                .optional();
    }

    public List<Article> findPublished(Collection<ArticleId> ids) {
        return jdbc.sql(ARTICLE_SELECT + "where a.id = any(?) and a.status = 'PUBLISHED'")
                .param(ids.stream().map(ArticleId::value).toArray(String[]::new))
                .query(this::article)
                .list();
    }

    /** Published articles in id order after {@code afterId} (exclusive; null from the start), for walking all of them. */
    public List<Article> publishedAfter(ArticleId afterId, int limit) {
        return jdbc.sql(ARTICLE_SELECT + "where a.status = 'PUBLISHED' and a.id > ? order by a.id limit ?")
                .params(afterId == null ? "" : afterId.value(), limit)
                .query(this::article)
                .list();
    }

    /** Reads the database's clock first, so nothing that changes after it is left out of the next ask. */
    public ArticleCatalog.Changes changedSince(Instant since) {
        Instant asOf = jdbc.sql("select statement_timestamp()").query(Timestamp.class).single().toInstant();
        List<ArticleId> changed = jdbc.sql("select id from article where changed_at > ? order by changed_at")
                .param(Timestamp.from(since == null ? Instant.EPOCH : since))
                .query((rs, row) -> new ArticleId(rs.getString(1))).list();
        return new ArticleCatalog.Changes(asOf, changed);
    }

    public long countPublished() {
        return jdbc.sql("select count(*) from article where status = 'PUBLISHED'").query(Long.class).single();
    }

    private Article article(ResultSet rs, int row) throws SQLException {
        return new Article(
                new ArticleId(rs.getString("id")),
                content(rs),
                new Section(rs.getString("section_code"), rs.getString("section_name")),
                rs.getString("se_code") == null ? null : series(rs, "se_"),
                instant(rs, "published_at"),
                instant(rs, "updated_at"),
                rs.getString("update_note"),
                rs.getInt("revision"),
                instant(rs, "corrected_at"),
                rs.getString("correction_note"));
    }

    public PageOf<ArticleSummary> latest(PageRequest page) {
        return summaries("true", Map.of(), page);
    }

    public PageOf<ArticleSummary> inSection(String code, PageRequest page) {
        return summaries("a.section_code = :code", Map.of("code", code), page);
    }

    public PageOf<ArticleSummary> inSeries(String code, PageRequest page) {
        return summaries("a.series_code = :code", Map.of("code", code), page);
    }

    public PageOf<ArticleSummary> withKeyword(String keyword, PageRequest page) {
        return summaries("a.keywords @> array[cast(:keyword as text)]", Map.of("keyword", keyword), page);
    }

    public List<ArticleSummary> topStories(int limit) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + SUMMARY_FROM + """
                        where a.status = 'PUBLISHED' and a.top_story
                        order by a.published_at desc limit ?
                        """)
                .param(limit).query(this::summary).list();
    }

    /** The given articles that are published, in the order asked for. */
    public List<ArticleSummary> summaries(List<ArticleId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String[] values = ids.stream().map(ArticleId::value).toArray(String[]::new);
        List<ArticleSummary> found = jdbc.sql("select " + SUMMARY_COLUMNS + SUMMARY_FROM + """
                        where a.status = 'PUBLISHED' and a.id = any(?)
                        """)
                .param(values).query(this::summary).list();
        Map<ArticleId, ArticleSummary> byId = new HashMap<>();
        found.forEach(summary -> byId.put(summary.id(), summary));
        return ids.stream().map(byId::get).filter(s -> s != null).toList();
    }

    /** Everything published, newest first, for the sitemap. */
    public List<ArticleSummary> allPublished(int limit) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + SUMMARY_FROM + """
                        where a.status = 'PUBLISHED' order by a.published_at desc limit ?
                        """)
                .param(limit).query(this::summary).list();
    }

    public List<Revision> revisions(ArticleId id) {
        return jdbc.sql("select revision, saved_at, kind, note, content from article_revision where article_id = ? order by revision")
                .param(id.value())
                .query((rs, i) -> new Revision(id, rs.getInt("revision"), instant(rs, "saved_at"),
                        Revision.Kind.valueOf(rs.getString("kind")), rs.getString("note"),
                        json.readValue(rs.getString("content"), ArticleContent.class)))
                .list();
    }

    // ---- keywords -----------------------------------------------------------------------------

    /**
     * Replaces a keyword in every article that has it, keeping each article's order and no
     * duplicates (an article with both keeps one). Versions move on, so an editor with the
     * article open is told before saving over the change.
     *
     * @return the published articles that changed
     */
    public List<ArticleId> renameKeyword(String from, String to) {
        return jdbc.sql("""
                        update article a set keywords = array(
                                select k from unnest(array_replace(a.keywords, :from, :to)) with ordinality as t(k, n)
                                group by k order by min(n)),
                            version = version + 1
                        where a.keywords @> array[cast(:from as text)]
                        returning a.id, a.status
                        """)
                .param("from", from)
                .param("to", to)
                .query((rs, i) -> "PUBLISHED".equals(rs.getString("status")) ? new ArticleId(rs.getString("id")) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Keywords of published articles, the most used first; {@code containing} narrows them. */
    public List<KeywordCount> keywordCounts(String containing, int limit) {
        return jdbc.sql("""
                        select k, count(*) as n from article a, unnest(a.keywords) k
                        where a.status = 'PUBLISHED' and (cast(:containing as text) is null or k ilike :pattern)
                        group by k order by n desc, k limit :limit
                        """)
                .param("containing", containing)
                .param("pattern", containing == null ? null : "%" + likeEscaped(containing) + "%")
                .param("limit", limit)
                .query((rs, i) -> new KeywordCount(rs.getString("k"), rs.getLong("n"))).list();
    }

    // ---- the desk ----------------------------------------------------------------------------

    public Optional<EditedArticle> findForEditing(ArticleId id) {
        return jdbc.sql(ARTICLE_SELECT + "where a.id = ?")
                .param(id.value())
                .query((rs, i) -> new EditedArticle(
                        new ArticleId(rs.getString("id")),
                        ArticleStatus.valueOf(rs.getString("status")),
                        content(rs),
                        rs.getInt("version"),
                        rs.getInt("revision"),
                        instant(rs, "created_at"),
                        instant(rs, "edited_at"),
                        instant(rs, "published_at"),
                        instant(rs, "scheduled_at"),
                        instant(rs, "updated_at"),
                        rs.getString("update_note"),
                        instant(rs, "corrected_at"),
                        rs.getString("correction_note"),
                        instant(rs, "withdrawn_at"),
                        rs.getString("source_key")))
                .optional();
    }

    /** Every article the filter lets through, in any status, newest edit first. */
    public PageOf<DeskSummary> deskList(DeskFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> params = new HashMap<>();
        if (filter.stage() != null) {
            // the same rule as EditedArticle.stage, as SQL: a correction newer than the last update wins
            where.append(switch (filter.stage()) {
                case DRAFT -> " and a.status = 'DRAFT'";
                case SCHEDULED -> " and a.status = 'SCHEDULED'";
                case WITHDRAWN -> " and a.status = 'WITHDRAWN'";
                case PUBLISHED -> " and a.status = 'PUBLISHED' and a.updated_at is null and a.corrected_at is null";
                case UPDATED -> " and a.status = 'PUBLISHED' and a.updated_at is not null"
                        + " and (a.corrected_at is null or a.corrected_at < a.updated_at)";
                case CORRECTED -> " and a.status = 'PUBLISHED' and a.corrected_at is not null"
                        + " and (a.updated_at is null or a.corrected_at >= a.updated_at)";
            });
        }
        if (filter.sectionCode() != null) {
            where.append(" and a.section_code = :section");
            params.put("section", filter.sectionCode());
        }
        if (filter.byline() != null) {
            where.append(" and exists (select 1 from unnest(a.bylines) b where b ilike :byline)");
            params.put("byline", "%" + likeEscaped(filter.byline()) + "%");
        }
        if (filter.from() != null) {
            where.append(" and a.edited_at >= :from");
            params.put("from", filter.from().atStartOfDay(JAPAN).toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.append(" and a.edited_at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(JAPAN).toOffsetDateTime());
        }
        if (filter.text() != null) {
            int n = 0;
            for (String word : filter.text().split("[\\s　]+")) {
                String name = "word" + n++;
                where.append(" and (a.headline ilike :").append(name).append(" or a.lead ilike :").append(name).append(")");
                params.put(name, "%" + likeEscaped(word) + "%");
            }
        }
        long total = jdbc.sql("select count(*) from article a where " + where).params(params).query(Long.class).single();
        List<DeskSummary> items = jdbc.sql("""
                        select a.id, a.headline, a.status, a.section_code, s.name as section_name, a.bylines,
                               a.edited_at, a.published_at, a.scheduled_at, a.updated_at, a.corrected_at,
                               a.source_outlet
                        from article a join article_section s on s.code = a.section_code
                        """ + " where " + where + " order by a.edited_at desc, a.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, i) -> new DeskSummary(
                        new ArticleId(rs.getString("id")),
                        rs.getString("headline"),
                        ArticleStatus.valueOf(rs.getString("status")),
                        new Section(rs.getString("section_code"), rs.getString("section_name")),
                        strings(rs.getArray("bylines")),
                        instant(rs, "edited_at"),
                        instant(rs, "published_at"),
                        instant(rs, "scheduled_at"),
                        instant(rs, "updated_at"),
                        instant(rs, "corrected_at"),
                        rs.getString("source_outlet") != null))
                .list();
        return new PageOf<>(items, page.number(), page.size(), total);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    // ---- mapping ---------------------------------------------------------------------------

    private PageOf<ArticleSummary> summaries(String condition, Map<String, Object> params, PageRequest page) {
        long total = jdbc.sql("select count(*) from article a where " + PUBLISHED + " and " + condition)
                .params(params).query(Long.class).single();
        List<ArticleSummary> items = jdbc.sql("select " + SUMMARY_COLUMNS + SUMMARY_FROM + "where " + PUBLISHED
                        + " and " + condition + " order by a.published_at desc, a.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(this::summary).list();
        return new PageOf<>(items, page.number(), page.size(), total);
    }

    private ArticleSummary summary(ResultSet rs, int row) throws SQLException {
        return new ArticleSummary(
                new ArticleId(rs.getString("id")),
                rs.getString("headline"),
                rs.getString("lead"),
                new Section(rs.getString("section_code"), rs.getString("section_name")),
                strings(rs.getArray("keywords")),
                AccessLevel.valueOf(rs.getString("access_level")),
                instant(rs, "published_at"),
                instant(rs, "updated_at"));
    }

    private ArticleContent content(ResultSet rs) throws SQLException {
        String outlet = rs.getString("source_outlet");
        String url = rs.getString("source_url");
        return new ArticleContent(
                rs.getString("headline"),
                rs.getString("subheadline"),
                rs.getString("lead"),
                json.readValue(rs.getString("body"), Body.class),
                strings(rs.getArray("bylines")),
                rs.getString("section_code"),
                rs.getString("series_code"),
                strings(rs.getArray("keywords")),
                AccessLevel.valueOf(rs.getString("access_level")),
                outlet == null ? SourceOutlet.OWN : new SourceOutlet(outlet, url == null ? null : URI.create(url)),
                rs.getBoolean("top_story"),
                strings(rs.getArray("related_ids")).stream().map(ArticleId::new).toList());
    }

    private Map<String, Object> contentParameters(ArticleContent content) {
        Map<String, Object> params = new HashMap<>();
        params.put("headline", content.headline());
        params.put("subheadline", content.subheadline());
        params.put("lead", content.lead());
        params.put("body", json.writeValueAsString(content.body()));
        params.put("bylines", content.bylines().toArray(String[]::new));
        params.put("section", content.sectionCode());
        params.put("series", content.seriesCode());
        params.put("keywords", content.keywords().toArray(String[]::new));
        params.put("access", content.accessLevel().name());
        params.put("outlet", content.source().name());
        params.put("url", content.source().originalUrl() == null ? null : content.source().originalUrl().toString());
        params.put("top", content.topStory());
        params.put("related", content.related().stream().map(ArticleId::value).toArray(String[]::new));
        return params;
    }

    private void insertRevision(ArticleId id, int revision, Instant at, Revision.Kind kind, String note,
                                ArticleContent content) {
        jdbc.sql("""
                        insert into article_revision (article_id, revision, saved_at, kind, note, content)
                        values (?, ?, ?, ?, ?, cast(? as jsonb))
                        """)
                .params(id.value(), revision, utc(at), kind.name(), note, json.writeValueAsString(content))
                .update();
    }

    private static Series series(ResultSet rs, String prefix) throws SQLException {
        return new Series(rs.getString(prefix + "code"), rs.getString(prefix + "name"),
                Series.Kind.valueOf(rs.getString(prefix + "kind").toUpperCase()), rs.getString(prefix + "description"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
