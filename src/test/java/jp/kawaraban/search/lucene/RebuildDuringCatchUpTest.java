package jp.kawaraban.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.search.IndexedArticle;
import jp.kawaraban.search.SearchIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node catching up with other nodes' changes (one {@code index} call per article, on its own
 * thread) while an administrator rebuilds the embedded index: the two write the same index at
 * once, with real threads, and what readers find afterwards is every change, as last written.
 */
class RebuildDuringCatchUpTest {

    private static final int ARTICLES = 40;

    @TempDir
    Path dir;

    @Test
    void aChangeIndexedDuringARebuildIsNotOverwrittenByTheRebuildsOlderCopy() throws Exception {
        try (LuceneSearchIndex index = new LuceneSearchIndex(dir)) {
            List<IndexedArticle> before = IntStream.range(0, ARTICLES).mapToObj(n -> article(n, "初版")).toList();
            index.indexAll(before);
            SearchIndex.Rebuild rebuild = index.startRebuild();
            // The rebuild read the articles before the catch-up's changes, and adds each one just after
            // the catch-up wrote its change: the order a slow rebuild and a quick catch-up meet in.
            BlockingQueue<Integer> caughtUp = new LinkedBlockingQueue<>();
            CompletableFuture<Void> catchUp = CompletableFuture.runAsync(() -> IntStream.range(0, ARTICLES).forEach(n -> {
                index.index(article(n, "訂正版"));
                caughtUp.add(n);
            }));
            for (int i = 0; i < ARTICLES; i++) {
                Integer n = caughtUp.poll(20, TimeUnit.SECONDS);
                assertThat(n).as("the catch-up indexed article %d", i).isNotNull();
                rebuild.add(before.get(n));
            }
            catchUp.get(20, TimeUnit.SECONDS);
            rebuild.commit();

            for (int n = 0; n < ARTICLES; n++) {
                assertThat(index.find(id(n))).as("article %d after the rebuild", n)
                        .hasValueSatisfying(found -> assertThat(found.headline()).startsWith("訂正版"));
            }
        }
    }

    @Test
    void indexingWhileRebuildsSwitchOverFailsNothingAndLosesNothing() throws Exception {
        try (LuceneSearchIndex index = new LuceneSearchIndex(dir)) {
            // What the database holds: an article is there before anyone indexes it.
            Queue<IndexedArticle> database = new ConcurrentLinkedQueue<>(
                    IntStream.range(0, ARTICLES).mapToObj(n -> article(n, "既存")).toList());
            index.indexAll(List.copyOf(database));
            AtomicBoolean rebuilding = new AtomicBoolean(true);
            // Articles published on another node meanwhile, caught up with one after another.
            CompletableFuture<Void> catchUp = CompletableFuture.runAsync(() -> {
                for (int n = ARTICLES; rebuilding.get(); n++) {
                    IndexedArticle published = article(n, "新着");
                    database.add(published);
                    index.index(published);
                }
            });
            for (int round = 0; round < 15 && !catchUp.isDone(); round++) {
                SearchIndex.Rebuild rebuild = index.startRebuild();
                List.copyOf(database).forEach(rebuild::add); // what a rebuild reads once it has started
                rebuild.commit();
            }
            rebuilding.set(false);
            catchUp.get(20, TimeUnit.SECONDS); // rethrows what a write into a switched generation threw

            assertThat(database).hasSizeGreaterThan(ARTICLES);
            assertThat(database).allSatisfy(article -> assertThat(index.find(article.id()))
                    .as(article.headline()).isPresent());
            assertThat(index.size()).isEqualTo(database.size());
        }
    }

    private static ArticleId id(int n) {
        return ArticleId.derivedFrom("test:catch-up-" + n);
    }

    private static IndexedArticle article(int n, String version) {
        return new IndexedArticle(id(n), version + "：記事" + n, "リード", "本文です。" + n, "本文", "politics", null,
                AccessLevel.FREE, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n), List.of(), List.of(), null);
    }
}
