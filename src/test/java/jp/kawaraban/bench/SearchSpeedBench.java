package jp.kawaraban.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.search.IndexedArticle;
import jp.kawaraban.search.SearchQuery;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.kawaraban.search.internal.RecommendationLists;
import jp.kawaraban.search.lucene.LuceneSearchIndex;
import jp.kawaraban.text.JapaneseAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search and recommendation latency on a large index: {@code kawaraban.bench.articles}
 * articles generated from the livedoor corpus (each a corpus article with its paragraphs
 * shuffled and a paragraph of another article of the same category appended, dated across
 * ten years), indexed on every core; then searches with one to three words taken from
 * corpus headlines, and recommendations for random articles. The index is kept under
 * {@code /tmp} and reused by later runs of the same size. Run by {@code bench/search-speed.sh}.
 */
@EnabledIfSystemProperty(named = "kawaraban.bench", matches = "true")
class SearchSpeedBench {

    private static final int SEARCHES = 2_000;
    private static final int RECOMMENDATIONS = 1_000;
    private static final int WARM_UP = 500;

    @Test
    void latency() throws Exception {
        int size = Integer.getInteger("kawaraban.bench.articles", 100_000);
        LivedoorCorpus corpus = LivedoorCorpus.read(LivedoorCorpus.location());
        Path dir = Path.of("/tmp/kawaraban-speed-" + size);
        boolean fresh = !Files.exists(dir.resolve("current"));
        try (LuceneSearchIndex index = new LuceneSearchIndex(dir)) {
            if (fresh || index.size() < size) {
                build(index, corpus, size);
            }
            Random random = new Random(42);
            List<String> queries = queries(corpus, random);
            // A serving index is warm: compiled code and the files in the page cache. Other
            // queries than the timed ones warm it, so no timed query is answered from memory
            // of itself.
            for (int i = 0; i < WARM_UP; i++) {
                search(index, queries.get(queries.size() - 1 - i % queries.size()));
                index.find(id(random.nextInt(size))).ifPresent(article -> index.similar(article, 5));
            }
            long[] search = new long[SEARCHES];
            for (int i = 0; i < SEARCHES; i++) {
                String text = queries.get(i % queries.size());
                long start = System.nanoTime();
                search(index, text);
                search[i] = System.nanoTime() - start;
            }
            long[] recommend = new long[RECOMMENDATIONS];
            for (int i = 0; i < RECOMMENDATIONS; i++) {
                ArticleId id = id(random.nextInt(size));
                var article = index.find(id).orElseThrow();
                long start = System.nanoTime();
                index.similar(article, 5);
                recommend[i] = System.nanoTime() - start;
            }
            long[] served = servedFromStoredLists(index, size, random);
            System.out.printf("%n== search speed, %,d articles in the index%n", index.size());
            report("search (2,000 queries, 1–3 words)", search);
            report("recommendations computed (1,000 articles)", recommend);
            report("recommendations served (1,000 articles)", served);
        }
    }

    /**
     * What a page view costs now: reading an article's stored list from PostgreSQL, with a
     * list stored for every article of the index. 1,000 lists are computed for real; the other
     * rows are copies of them under made-up ids (the table's size is what matters).
     */
    private static long[] servedFromStoredLists(LuceneSearchIndex index, int size, Random random) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             HikariDataSource pool = pooled(postgres)) {
            JdbcClient jdbc = JdbcClient.create(pool); // pooled, as in the application
            jdbc.sql(Files.readString(Path.of("src/main/resources/db/migration/search/V6_2__recommendation_lists.sql")))
                    .update();
            RecommendationLists lists = new RecommendationLists(jdbc, JsonMapper.builder().build(), index,
                    java.time.Clock.systemUTC());
            for (int n = 0; n < RECOMMENDATIONS; n++) {
                lists.compute(index.find(id(n)).orElseThrow());
            }
            jdbc.sql("""
                            INSERT INTO search_recommendation (article_id, recommended_ids, items, computed_at)
                            SELECT 'copy-' || n, r.recommended_ids, r.items, r.computed_at
                            FROM generate_series(1, ?) n
                            JOIN (SELECT row_number() OVER () - 1 AS k, * FROM search_recommendation) r
                              ON r.k = n % ?""")
                    .params(size - RECOMMENDATIONS, RECOMMENDATIONS)
                    .update();
            jdbc.sql("VACUUM ANALYZE search_recommendation").update();
            long[] served = new long[RECOMMENDATIONS];
            for (int i = 0; i < RECOMMENDATIONS; i++) {
                ArticleId id = id(random.nextInt(RECOMMENDATIONS));
                long start = System.nanoTime();
                lists.stored(id).orElseThrow();
                served[i] = System.nanoTime() - start;
            }
            return served;
        }
    }

    private static void search(LuceneSearchIndex index, String text) {
        index.search(new SearchQuery(text, List.of(), null, null, null, null, null,
                SearchQuery.Order.RELEVANCE, 1, 20, Set.of(AccessLevel.FREE)));
    }

    private static HikariDataSource pooled(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getPostgresDatabase());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    private static void build(LuceneSearchIndex index, LivedoorCorpus corpus, int size) throws InterruptedException {
        var rebuild = index.startRebuild();
        List<LivedoorCorpus.Item> items = corpus.items();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        int threads = Runtime.getRuntime().availableProcessors();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int first = t;
                pool.submit(() -> {
                    for (int n = first; n < size; n += threads) {
                        rebuild.add(generated(items, n));
                        long count = done.incrementAndGet();
                        if (count % 10_000 == 0) {
                            System.out.printf("indexed %,d (%.0f articles/s)%n", count,
                                    count / ((System.nanoTime() - start) / 1e9));
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(6, TimeUnit.HOURS);
        }
        rebuild.commit();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("indexing: %,d articles in %.0f s = %.0f articles/s (%d threads)%n", size, seconds,
                size / seconds, threads);
    }

    /** Article n: a corpus article, paragraphs shuffled, with a paragraph of a neighbour of its category. */
    static IndexedArticle generated(List<LivedoorCorpus.Item> items, int n) {
        Random random = new Random(n);
        LivedoorCorpus.Item base = items.get(n % items.size());
        LivedoorCorpus.Item other = items.get((n / items.size() * 7 + n) % items.size());
        List<String> paragraphs = new ArrayList<>(Arrays.asList(base.body().split("\n+")));
        java.util.Collections.shuffle(paragraphs, random);
        String[] extra = other.body().split("\n+");
        paragraphs.add(extra[random.nextInt(extra.length)]);
        String body = String.join("\n", paragraphs);
        return new IndexedArticle(id(n), base.title(), "", body, body.substring(0, Math.min(200, body.length())),
                base.category(), null, AccessLevel.FREE,
                base.date().toInstant().minus(Duration.ofDays(random.nextInt(3650))), List.of(), List.of(), null);
    }

    static List<String> queries(LivedoorCorpus corpus, Random random) {
        List<String> queries = new ArrayList<>();
        for (var item : corpus.items()) {
            List<String> words = JapaneseAnalysis.terms(JapaneseAnalysis.words(), item.title()).stream()
                    .filter(word -> word.length() >= 2).toList();
            if (words.isEmpty()) {
                continue;
            }
            int count = 1 + random.nextInt(Math.min(3, words.size()));
            List<String> picked = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                picked.add(words.get(random.nextInt(words.size())));
            }
            queries.add(String.join(" ", picked));
        }
        java.util.Collections.shuffle(queries, random);
        return queries;
    }

    private static ArticleId id(int n) {
        return ArticleId.derivedFrom("speed:" + n);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-40s p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
