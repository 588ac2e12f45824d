package jp.kawaraban.search.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jp.kawaraban.article.ArticleId;
import jp.kawaraban.search.IndexedArticle;
import jp.kawaraban.search.SearchIndex;
import jp.kawaraban.search.Similar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every article's "recommended for you" list, kept in PostgreSQL. Finding related articles
 * means querying the whole archive (tens of milliseconds at a million articles); an article is
 * viewed far more often than the archive changes around it, so the list is computed once the
 * article is indexed, and again for the articles it recommends (the new article is likely
 * among their best), and a page view reads one row ({@link IndexingQueue} decides when). A list nobody computed yet (after a
 * rebuild, or for an article indexed before lists existed) is computed on its first view.
 * After a rebuild every list is marked stale: it is still served, and computed again in the
 * background when it is next read, so page views never wait for a whole archive's lists.
 *
 * <p>Lists hold a few more articles than a page shows, so one withdrawn later still leaves a
 * full list; withdrawing an article also drops the lists naming it.
 */
@Component
public class RecommendationLists {

    /** Kept per article: the page shows five, the rest stand in for withdrawn ones. */
    static final int KEPT = 8;
    private static final Logger log = LoggerFactory.getLogger(RecommendationLists.class);

    private static final TypeReference<List<Item>> ITEMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SearchIndex index;
    private final Clock clock;
    private final Set<ArticleId> refreshing = ConcurrentHashMap.newKeySet();
    /** Background refreshes share the CPU with page views: two at a time at most. */
    private final Semaphore backgroundSlots = new Semaphore(2);

    public RecommendationLists(JdbcClient jdbc, JsonMapper json, SearchIndex index, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.index = index;
        this.clock = clock;
    }

    /** One recommendation as stored: what {@link Similar} says, in plain JSON types. */
    record Item(String id, float score, long publishedAt, List<String> entities, List<String> keywords) {
    }

    /** The article's list, best first; computed now if it was never stored. Empty for an unknown article. */
    public List<Similar> of(ArticleId id) {
        Optional<StoredList> stored = read(id);
        if (stored.isEmpty()) {
            return index.find(id).map(this::compute).orElse(List.of());
        }
        if (stored.get().stale()) {
            refreshLater(id);
        }
        return stored.get().similar();
    }

    /** Computes the list again in the background, at most a couple at a time, once per article. */
    private void refreshLater(ArticleId id) {
        if (!refreshing.add(id)) {
            return;
        }
        Thread.ofVirtual().name("recommendations-refresh").start(() -> {
            try {
                backgroundSlots.acquire();
                try {
                    index.find(id).ifPresent(this::compute);
                } finally {
                    backgroundSlots.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Could not refresh the recommendations of {}; the stale list stays", id.value(), e);
            } finally {
                refreshing.remove(id);
            }
        });
    }

    /**
     * Of these articles, those whose stored list was computed no later than the time given for
     * each (so it could not consider an article indexed then) and that are not queued to be
     * computed anyway. Articles with no stored list are left out: their list is computed when
     * first viewed.
     */
    public List<ArticleId> computedNoLaterThan(Map<ArticleId, Instant> since) {
        if (since.isEmpty()) {
            return List.of();
        }
        List<ArticleId> ids = List.copyOf(since.keySet());
        return jdbc.sql("""
                        SELECT r.article_id FROM search_recommendation r
                        JOIN unnest(?::text[], ?::bigint[]) AS n(id, micros) ON r.article_id = n.id
                        WHERE r.computed_at <= timestamptz 'epoch' + n.micros * interval '1 microsecond'
                          AND NOT EXISTS (SELECT 1 FROM search_queue q WHERE q.article_id = r.article_id)""")
                .params(ids.stream().map(ArticleId::value).toArray(String[]::new),
                        ids.stream().map(id -> ChronoUnit.MICROS.between(Instant.EPOCH, since.get(id))).toArray(Long[]::new))
                .query((rs, n) -> new ArticleId(rs.getString(1)))
                .list();
    }

    /** The article is gone: its list, and every list naming it, are computed again when next needed. */
    public void forget(ArticleId id) {
        jdbc.sql("DELETE FROM search_recommendation WHERE article_id = ? OR recommended_ids @> ARRAY[?::text]")
                .params(id.value(), id.value())
                .update();
    }

    /**
     * Every list is to be computed again, e.g. after a rebuild that may have changed how
     * articles are analysed; until then each is still served.
     */
    public void markAllStale() {
        jdbc.sql("UPDATE search_recommendation SET stale = true WHERE NOT stale").update();
    }

    /** The stored list, if there is one. */
    public Optional<List<Similar>> stored(ArticleId id) {
        return read(id).map(StoredList::similar);
    }

    private record StoredList(List<Similar> similar, boolean stale) {
    }

    private Optional<StoredList> read(ArticleId id) {
        return jdbc.sql("SELECT items, stale FROM search_recommendation WHERE article_id = ?")
                .param(id.value())
                .query((rs, n) -> new StoredList(json.readValue(rs.getString(1), ITEMS).stream()
                        .map(RecommendationLists::similar).toList(), rs.getBoolean(2)))
                .optional();
    }

    /** Computes and stores the article's list. */
    public List<Similar> compute(IndexedArticle article) {
        List<Similar> similar = index.similar(article, KEPT);
        List<Item> items = similar.stream().map(s -> new Item(s.id().value(), s.score(), s.publishedAt().toEpochMilli(),
                s.sharedEntityIds(), s.sharedKeywords())).toList();
        Set<String> ids = new LinkedHashSet<>(items.stream().map(Item::id).toList());
        jdbc.sql("""
                        INSERT INTO search_recommendation (article_id, recommended_ids, items, computed_at)
                        VALUES (?, ?, cast(? AS jsonb), ?)
                        ON CONFLICT (article_id) DO UPDATE SET recommended_ids = EXCLUDED.recommended_ids,
                          items = EXCLUDED.items, computed_at = EXCLUDED.computed_at, stale = false""")
                .params(article.id().value(), ids.toArray(String[]::new), json.writeValueAsString(items),
                        Timestamp.from(clock.instant()))
                .update();
        return similar;
    }

    private static Similar similar(Item item) {
        return new Similar(new ArticleId(item.id()), item.score(), Instant.ofEpochMilli(item.publishedAt()),
                item.entities(), item.keywords());
    }
}
