package jp.kawaraban.search.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.kawaraban.article.ArticleId;
import jp.kawaraban.search.IndexedArticle;
import jp.kawaraban.search.SearchIndex;
import jp.kawaraban.search.Similar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every article's "recommended for you" list, kept in PostgreSQL. Finding related articles
 * means querying the whole archive (tens of milliseconds at a million articles); an article is
 * viewed far more often than the archive changes around it, so the list is computed when the
 * article is indexed, and again for the articles it recommends (the new article is likely
 * among their best), and a page view reads one row. A list nobody computed yet (after a
 * rebuild, or for an article indexed before lists existed) is computed on its first view.
 *
 * <p>Lists hold a few more articles than a page shows, so one withdrawn later still leaves a
 * full list; withdrawing an article also drops the lists naming it.
 */
@Component
public class RecommendationLists {

    /** Kept per article: the page shows five, the rest stand in for withdrawn ones. */
    static final int KEPT = 8;

    private static final TypeReference<List<Item>> ITEMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SearchIndex index;
    private final Clock clock;

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
        return stored(id).orElseGet(() -> index.find(id).map(this::compute).orElse(List.of()));
    }

    /**
     * Computes the article's list and the lists of the articles it recommends. Call it outside
     * a transaction: each list is then stored on its own, and indexings running at once never
     * wait for each other's lists while they query the index (inside one, they deadlocked).
     */
    public void refreshAround(IndexedArticle article) {
        for (Similar neighbour : compute(article)) {
            index.find(neighbour.id()).ifPresent(this::compute);
        }
    }

    /** The article is gone: its list, and every list naming it, are computed again when next needed. */
    public void forget(ArticleId id) {
        jdbc.sql("DELETE FROM search_recommendation WHERE article_id = ? OR recommended_ids @> ARRAY[?::text]")
                .params(id.value(), id.value())
                .update();
    }

    /** Every list, e.g. after a rebuild that may have changed how articles are analysed. */
    public void forgetAll() {
        jdbc.sql("TRUNCATE search_recommendation").update();
    }

    /** The stored list, if there is one. */
    public Optional<List<Similar>> stored(ArticleId id) {
        return jdbc.sql("SELECT items FROM search_recommendation WHERE article_id = ?")
                .param(id.value())
                .query((rs, n) -> json.readValue(rs.getString(1), ITEMS))
                .optional()
                .map(items -> items.stream().map(RecommendationLists::similar).toList());
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
                          items = EXCLUDED.items, computed_at = EXCLUDED.computed_at""")
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
