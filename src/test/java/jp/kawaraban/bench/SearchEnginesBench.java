package jp.kawaraban.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.search.IndexedArticle;
import jp.kawaraban.search.OpenSearchNode;
import jp.kawaraban.search.SearchIndex;
import jp.kawaraban.search.SearchProperties;
import jp.kawaraban.search.SearchQuery;
import jp.kawaraban.search.lucene.LuceneSearchIndex;
import jp.kawaraban.search.opensearch.OpenSearchClient;
import jp.kawaraban.search.opensearch.OpenSearchSearchIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search and recommendation latency of the two engines on the same articles, in one run: the
 * embedded Lucene index (in this JVM) is the baseline, OpenSearch (one node in a JVM of its own,
 * over HTTP on the loopback) is given as a ratio to it. {@code kawaraban.bench.articles}
 * articles generated from the livedoor corpus as {@link SearchSpeedBench} makes them, the same
 * searches (one to three words of corpus headlines) and recommendations asked of both, one at a
 * time. Run by {@code bench/search-engines.sh}; written up in docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "kawaraban.bench", matches = "true")
class SearchEnginesBench {

    private static final int SEARCHES = 1_000;
    private static final int RECOMMENDATIONS = 200;
    private static final int WARM_UP = 300;

    @Test
    void latencyOfBothEngines() throws Exception {
        int size = Integer.getInteger("kawaraban.bench.articles", 5_000);
        LivedoorCorpus corpus = LivedoorCorpus.read(LivedoorCorpus.location());
        List<IndexedArticle> articles = new ArrayList<>();
        for (int n = 0; n < size; n++) {
            articles.add(SearchSpeedBench.generated(corpus.items(), n));
        }
        Path dir = Files.createTempDirectory("kawaraban-engines-");
        String alias = "bench-" + System.nanoTime();
        OpenSearchSearchIndex openSearch = new OpenSearchSearchIndex(new OpenSearchClient(new SearchProperties.OpenSearch(
                List.of(OpenSearchNode.shared().uri()), null, null, alias, Duration.ofSeconds(60)), JsonMapper.builder().build()), alias);
        try (LuceneSearchIndex lucene = new LuceneSearchIndex(dir)) {
            long luceneIndexing = timeIndexing(lucene, articles);
            long openSearchIndexing = timeIndexing(openSearch, articles);
            System.out.printf("indexing %,d articles in batches of 200: lucene %.1f s, opensearch %.1f s (%.2fx)%n", size,
                    luceneIndexing / 1e9, openSearchIndexing / 1e9, (double) openSearchIndexing / luceneIndexing);
            Random random = new Random(42);
            List<String> queries = SearchSpeedBench.queries(corpus, random);
            List<IndexedArticle> sources = new ArrayList<>();
            for (int i = 0; i < RECOMMENDATIONS + WARM_UP; i++) {
                sources.add(articles.get(random.nextInt(size)));
            }
            int searches = Math.min(SEARCHES, queries.size() / 2); // the rest, other queries, warm up
            for (SearchIndex index : List.of(lucene, openSearch)) { // warm both: compiled code, caches
                queries.subList(searches, Math.min(queries.size(), searches + WARM_UP)).forEach(text -> search(index, text));
                sources.subList(RECOMMENDATIONS, RECOMMENDATIONS + WARM_UP).forEach(source -> index.similar(source, 8));
            }
            long[] luceneSearch = timed(queries.subList(0, searches), text -> search(lucene, text));
            long[] openSearchSearch = timed(queries.subList(0, searches), text -> search(openSearch, text));
            long[] luceneSimilar = timed(sources.subList(0, RECOMMENDATIONS), source -> lucene.similar(source, 8));
            long[] openSearchSimilar = timed(sources.subList(0, RECOMMENDATIONS), source -> openSearch.similar(source, 8));
            report("search", luceneSearch, openSearchSearch);
            report("recommendation (computed)", luceneSimilar, openSearchSimilar);
        }
    }

    private static long timeIndexing(SearchIndex index, List<IndexedArticle> articles) {
        long start = System.nanoTime();
        for (int from = 0; from < articles.size(); from += 200) {
            index.indexAll(articles.subList(from, Math.min(articles.size(), from + 200)));
        }
        return System.nanoTime() - start;
    }

    private static void search(SearchIndex index, String text) {
        index.search(new SearchQuery(text, List.of(), null, null, null, null, null,
                SearchQuery.Order.RELEVANCE, 1, 20, Set.of(AccessLevel.FREE)));
    }

    private static <T> long[] timed(List<T> inputs, Consumer<T> work) {
        long[] nanos = new long[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            long start = System.nanoTime();
            work.accept(inputs.get(i));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String what, long[] lucene, long[] openSearch) {
        System.out.printf("%s, %d each: lucene p50 %.2f ms p99 %.2f ms; opensearch p50 %.2f ms p99 %.2f ms;"
                        + " opensearch/lucene p50 %.2f p99 %.2f%n", what, lucene.length,
                percentile(lucene, 50), percentile(lucene, 99), percentile(openSearch, 50), percentile(openSearch, 99),
                percentile(openSearch, 50) / percentile(lucene, 50), percentile(openSearch, 99) / percentile(lucene, 99));
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
