package jp.kawaraban.personal.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import jp.kawaraban.member.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Articles' tags and the My News query over them. Public (inside {@code internal}) so the
 * benchmark in {@code bench/} times exactly this class.
 *
 * <p>The feed is the newest articles carrying any tag the member follows. Joining the
 * member's follows to every matching tag would read all articles of a common keyword; instead
 * each follow reads at most {@code offset + limit} of its newest tags through
 * {@code personal_article_tag_feed} (an index-only scan, newest first, stopped early), and
 * the union is merged and cut to the page. That is exact: an article among the newest
 * {@code n} of the union is among the newest {@code n} of each of its follows.
 *
 * <p>Most follows contribute nothing to a page, so a first pass takes each follow's newest
 * article: when those hold at least {@code n} distinct articles, the {@code n}-th newest of
 * them is a date no article of the page can be older than, and the second pass reads each
 * follow only back to it — a few rows instead of {@code n} for a common keyword.
 */
@Repository
public class FeedRepository {

    /** Separates a follow's kind from its value in the {@code via} array. */
    public static final char SEPARATOR = '\u001f';

    private final JdbcClient jdbc;

    public FeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A tag of an article: kind {@code SERIES}, {@code KEYWORD} or {@code ENTITY}. */
    public record Tag(String kind, String value) {
    }

    /**
     * One article of the feed.
     *
     * @param via the member's follows it matched, each {@code KIND + SEPARATOR + value}
     */
    public record Hit(String articleId, Instant publishedAt, List<String> via) {
    }

    /** Rows {@code offset} to {@code offset + limit} of the member's feed, newest first. */
    public List<Hit> page(MemberId member, long offset, int limit) {
        long depth = offset + limit;
        return jdbc.sql("""
                        with follows as (
                            select kind, value, case kind when 'COLUMN' then 'SERIES' else kind end as tag_kind
                            from personal_follow where member_id = :member
                        ),
                        newest as (
                            select n.article_id, n.published_at
                            from follows f
                            cross join lateral (
                                select t.article_id, t.published_at
                                from personal_article_tag t
                                where t.kind = f.tag_kind and t.value = f.value
                                order by t.published_at desc, t.article_id desc
                                limit 1
                            ) n
                        ),
                        cutoff as (
                            select coalesce((select published_at from (select distinct article_id, published_at from newest) d
                                             order by published_at desc offset :depthBefore limit 1),
                                            '-infinity'::timestamptz) as since
                        )
                        select h.article_id, max(h.published_at) as published_at,
                               array_agg(f.kind || chr(31) || f.value) as via
                        from follows f
                        cross join cutoff c
                        cross join lateral (
                            select t.article_id, t.published_at
                            from personal_article_tag t
                            where t.kind = f.tag_kind and t.value = f.value and t.published_at >= c.since
                            order by t.published_at desc, t.article_id desc
                            limit :depth
                        ) h
                        group by h.article_id
                        order by published_at desc, h.article_id desc
                        limit :limit offset :offset""")
                .param("member", member.value())
                .param("depth", depth)
                .param("depthBefore", depth - 1)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new Hit(rs.getString("article_id"), rs.getTimestamp("published_at").toInstant(),
                        strings(rs.getArray("via"))))
                .list();
    }

    /**
     * The article's tags as an analysis of {@code analysedAt} found them, replacing every
     * earlier one: applying the same analysis again leaves the same rows, and an analysis older
     * than the one applied last, or any analysis of a withdrawn article, changes nothing. Two
     * statements in the caller's transaction: the first claims the article's row in
     * {@code personal_article_analysis} (a concurrent write of the same article waits for this
     * one to commit, then sees its tags), the second rewrites the tags in one go.
     *
     * @return whether the tags were written
     */
    public boolean replaceTags(String articleId, Instant analysedAt, Instant publishedAt, Collection<Tag> tags) {
        boolean newest = jdbc.sql("""
                        insert into personal_article_analysis (article_id, analysed_at) values (?, ?)
                        on conflict (article_id) do update set analysed_at = excluded.analysed_at
                        where personal_article_analysis.withdrawn_at is null
                          and personal_article_analysis.analysed_at <= excluded.analysed_at""")
                .params(articleId, Timestamp.from(analysedAt)).update() > 0;
        if (!newest) {
            return false;
        }
        List<Tag> distinct = List.copyOf(new LinkedHashSet<>(tags));
        jdbc.sql("""
                        with tag as (
                            select distinct kind, value from unnest(cast(:kinds as text[]), cast(:values as text[])) as t(kind, value)
                        ),
                        stale as (
                            delete from personal_article_tag t
                            where t.article_id = :article and (t.kind, t.value) not in (select kind, value from tag)
                        )
                        insert into personal_article_tag (article_id, kind, value, published_at)
                        select :article, kind, value, :published from tag
                        on conflict (article_id, kind, value) do update set published_at = excluded.published_at
                        where personal_article_tag.published_at <> excluded.published_at""")
                .param("article", articleId)
                .param("kinds", distinct.stream().map(Tag::kind).toArray(String[]::new))
                .param("values", distinct.stream().map(Tag::value).toArray(String[]::new))
                .param("published", Timestamp.from(publishedAt))
                .update();
        return true;
    }

    /** A withdrawn article loses its tags, and no analysis delivered later gives them back. */
    public void withdraw(String articleId, Instant withdrawnAt) {
        Timestamp at = Timestamp.from(withdrawnAt);
        jdbc.sql("""
                        insert into personal_article_analysis (article_id, analysed_at, withdrawn_at) values (?, ?, ?)
                        on conflict (article_id) do update set withdrawn_at = excluded.withdrawn_at""")
                .params(articleId, at, at).update();
        jdbc.sql("delete from personal_article_tag where article_id = ?").param(articleId).update();
    }

    /** The values of one kind of tag of an article (e.g. its entity ids), in no particular order. */
    public List<String> tagValues(String articleId, String kind) {
        return jdbc.sql("select value from personal_article_tag where article_id = ? and kind = ? order by value")
                .params(articleId, kind).query(String.class).list();
    }

    /**
     * Articles tagged with one thing are tagged with another instead, once (an entity merged
     * into another, a renamed keyword): at once, so My News misses nothing until the articles'
     * next analysis says the same.
     */
    public void renameTags(String kind, String from, String into) {
        jdbc.sql("""
                        insert into personal_article_tag (article_id, kind, value, published_at)
                        select article_id, kind, ?, published_at from personal_article_tag
                        where kind = ? and value = ?
                        on conflict do nothing""")
                .params(into, kind, from).update();
        jdbc.sql("delete from personal_article_tag where kind = ? and value = ?").params(kind, from).update();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
