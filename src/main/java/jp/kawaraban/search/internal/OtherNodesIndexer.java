package jp.kawaraban.search.internal;

import java.util.concurrent.TimeUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticlePublished;
import jp.kawaraban.article.ArticleUpdated;
import jp.kawaraban.article.ArticleWithdrawn;
import jp.kawaraban.article.KeywordRenamed;
import jp.kawaraban.platform.FromAnotherNode;
import jp.kawaraban.platform.NodeEventsHeard;
import jp.kawaraban.platform.NodeEventsMissed;
import jp.kawaraban.platform.PlatformProperties;
import jp.kawaraban.search.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's own search index in step with article changes made on other nodes
 * (docs/decisions/0030). {@link ArticleIndexer} does the whole work for a change made here:
 * the index, and the shared rows that follow from it (timelines, recommendation lists, the
 * analysis other modules file articles by), which the node that made the change has written
 * already. So here only the index is touched: the article is read from the catalog as it is
 * now and indexed, or removed when it is no longer published.
 * <p>
 * A node that was not listening (stopped, started afresh, cut off from the database) catches
 * up when it listens again: it asks the catalog which articles changed since the database time
 * it last caught up at, less a margin for transactions still open then, and indexes those. That
 * time is kept in {@code <data-dir>/search-caught-up-to}, beside the index it describes, and
 * moved forward while the node listens ({@link NodeEventsHeard}, docs/decisions/0037). With no
 * such file, or an empty index (which {@code IndexRebuilds} builds whole from the catalog), the
 * time is only noted.
 * <p>
 * All of it runs on one thread of its own, in the order heard, so the thread that listens to
 * the other nodes never waits for an index and two indexings of one article never cross.
 * <p>
 * With an index every node shares (OpenSearch) there is nothing of this node's own to keep in
 * step: the node whose indexing queue claimed a change indexed it for all, and a change whose
 * node died before indexing it waits in the queue for another node (docs/decisions/0046). So
 * then this does nothing at all.
 */
@Component
class OtherNodesIndexer {

    private static final Logger log = LoggerFactory.getLogger(OtherNodesIndexer.class);
    /** Longer than any transaction that changes articles takes between its change and its commit. */
    static final Duration OPEN_TRANSACTIONS_MARGIN = Duration.ofMinutes(2);

    private final ArticleCatalog catalog;
    private final SearchIndex index;
    private final ArticleIndexer indexer;
    private final Clock clock;
    private final Path caughtUpFile;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("search-other-nodes").factory());
    /** Whether the index holds every change heard since the last catch-up (read and written on the queue only). */
    private boolean current;

    OtherNodesIndexer(ArticleCatalog catalog, SearchIndex index, ArticleIndexer indexer, Clock clock,
                      PlatformProperties platform) {
        this.catalog = catalog;
        this.index = index;
        this.indexer = indexer;
        this.clock = clock;
        this.caughtUpFile = platform.dataDir().resolve("search-caught-up-to");
    }

    @EventListener
    void published(FromAnotherNode<ArticlePublished> published) {
        refreshLater(published.event().articleId());
    }

    @EventListener
    void updated(FromAnotherNode<ArticleUpdated> updated) {
        refreshLater(updated.event().articleId());
    }

    @EventListener
    void withdrawn(FromAnotherNode<ArticleWithdrawn> withdrawn) {
        refreshLater(withdrawn.event().articleId());
    }

    @EventListener
    void renamed(FromAnotherNode<KeywordRenamed> renamed) {
        renamed.event().published().forEach(this::refreshLater);
    }

    @EventListener
    void missed(NodeEventsMissed missed) {
        if (index.sharedByAllNodes()) {
            return;
        }
        queue.execute(() -> {
            current = false;
            try {
                catchUp();
                current = true;
            } catch (RuntimeException failed) {
                // Tried again the next time this node listens anew; the changes heard meanwhile are indexed.
                log.error("Catching up with the other nodes' changes failed ({})", missed.reason(), failed);
            }
        });
    }

    /**
     * Moves the caught-up mark forward while this node listens, so a restart indexes again only
     * what changed since shortly before it stopped. Queued behind the changes the mark covers;
     * left alone after a failed catch-up or indexing, whose articles the next catch-up must
     * still find by their change time.
     */
    @EventListener
    void heard(NodeEventsHeard heard) {
        if (index.sharedByAllNodes()) {
            return;
        }
        queue.execute(() -> {
            if (current) {
                remember(heard.upTo());
            }
        });
    }

    /**
     * Indexes again, in this node's index only, the articles another node's vocabulary change
     * concerns; which they are is asked on this node's queue, after what was heard before.
     */
    void refreshLater(Supplier<Collection<ArticleId>> articles) {
        if (index.sharedByAllNodes()) {
            return;
        }
        queue.execute(() -> {
            try {
                articles.get().forEach(this::refresh);
            } catch (RuntimeException failed) {
                current = false;
                log.error("Indexing the articles of another node's vocabulary change failed", failed);
            }
        });
    }

    /**
     * Lets the indexing under way finish before the index closes. Not {@code shutdownNow()}: an
     * interrupt in the middle of a Lucene write closes the writer's files under it (a
     * {@code ClosedByInterruptException}), and every later write on that index fails.
     */
    @PreDestroy
    void stop() {
        queue.shutdown();
        try {
            if (!queue.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Indexing other nodes' changes did not end within 30 s; the next start catches up");
                queue.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Indexes what the catalog says changed since this node last caught up; see the class comment. */
    void catchUp() {
        Optional<Instant> caughtUpTo = caughtUpTo();
        if (caughtUpTo.isEmpty() || index.size() == 0) {
            ArticleCatalog.Changes now = catalog.changedSince(clockOfTheDatabaseOnly());
            remember(now.asOf());
            return;
        }
        ArticleCatalog.Changes changes = catalog.changedSince(caughtUpTo.get().minus(OPEN_TRANSACTIONS_MARGIN));
        changes.articles().forEach(this::refresh);
        remember(changes.asOf());
        if (!changes.articles().isEmpty()) {
            log.info("Caught up with the other nodes: {} articles changed since {} indexed again",
                    changes.articles().size(), caughtUpTo.get());
        }
    }

    private void refreshLater(ArticleId id) {
        if (index.sharedByAllNodes()) {
            return;
        }
        queue.execute(() -> {
            try {
                refresh(id);
            } catch (RuntimeException failed) {
                // The next catch-up (restart, reconnection) finds the article again by its change time,
                // as long as the mark stays where it is until then.
                current = false;
                log.error("Indexing article {} changed on another node failed", id.value(), failed);
            }
        });
    }

    private void refresh(ArticleId id) {
        catalog.find(id.value()).ifPresentOrElse(
                article -> index.index(indexer.analyse(article, clock.instant()).indexed()),
                () -> index.remove(id));
    }

    /**
     * A time after every change, so the catalog lists none and only tells its clock: used when
     * there is nothing to compare with.
     */
    private static Instant clockOfTheDatabaseOnly() {
        return Instant.parse("9999-01-01T00:00:00Z");
    }

    private Optional<Instant> caughtUpTo() {
        try {
            return Optional.of(Instant.parse(Files.readString(caughtUpFile, StandardCharsets.UTF_8).strip()));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException | DateTimeParseException unreadable) {
            log.warn("Could not read {} ({}): the index is taken as current from now on", caughtUpFile, unreadable.getMessage());
            return Optional.empty();
        }
    }

    private void remember(Instant asOf) {
        try {
            Files.createDirectories(caughtUpFile.getParent());
            Path temp = Files.createTempFile(caughtUpFile.getParent(), ".search-caught-up-to-", ".tmp");
            Files.writeString(temp, asOf.toString(), StandardCharsets.UTF_8);
            Files.move(temp, caughtUpFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not note when the index caught up in {}: the next start catches up from the time before", caughtUpFile, e);
        }
    }
}
