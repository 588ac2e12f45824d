package jp.kawaraban.search.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticlePublished;
import jp.kawaraban.article.ArticleUpdated;
import jp.kawaraban.article.ArticleWithdrawn;
import jp.kawaraban.article.KeywordRenamed;
import jp.kawaraban.platform.PlatformProperties;
import jp.kawaraban.platform.ThisNode;
import jp.kawaraban.search.ArticleAnalysed;
import jp.kawaraban.search.IndexedArticle;
import jp.kawaraban.search.IndexingBacklog;
import jp.kawaraban.search.SearchEngineUnavailableException;
import jp.kawaraban.search.SearchIndex;
import jp.kawaraban.search.Similar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the index and the recommendation lists in step with the articles, with bounded work
 * however many articles arrive at once (decision 0029).
 *
 * <p>An article's change is written down as a row of {@code search_queue} in the same
 * transaction that changes the article, so a committed change is never missed, even when the
 * process is killed right after. Each row is claimed by the node whose transaction wrote it, and
 * worked by that node while it lives; another node takes it only once the claim has run out
 * (decision 0046). One worker per node drains its rows: up to {@link #INDEX_BATCH}
 * articles at a time are read in one query, analysed on all cores, written to the index with
 * one commit, and announced in one transaction; then their recommendation lists are computed.
 * The worker holds at most one database connection per core, so an archive import of a hundred
 * thousand articles waits as rows, not as threads queueing for the connection pool that
 * readers' pages need.
 *
 * <p>Lists are computed only when no article waits to be indexed and nothing new was queued for
 * {@link #QUIET}: during a bulk import they are computed once, after it, against the whole
 * archive. Each list computed names up to eight neighbours; a neighbour whose own list was
 * computed before this article was indexed, and is not queued itself, is computed again, so an
 * older article's list takes in the articles published after it.
 */
@Component
public class IndexingQueue implements SmartLifecycle {

    static final int INDEX_BATCH = 200;
    /**
     * Batches indexed one after another are committed together, up to this many articles (or
     * when nothing more waits): a commit flushes and syncs the index's files, and one per
     * batch was a large part of an import's indexing (decision 0039).
     */
    static final int COMMIT_EVERY = 5_000;
    static final int LIST_BATCH = 64;
    /** A row that failed this many times alone is left for an operator (the log says why). */
    static final int MAX_FAILURES = 3;
    static final Duration QUIET = Duration.ofSeconds(1);
    private static final Duration IDLE_POLL = Duration.ofSeconds(10);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(5);
    /**
     * How long a node's claim on its rows lasts without being renewed. Its worker renews them every
     * {@link #RENEW_EVERY} (looking at least every {@link #IDLE_POLL}, and between batches), so only
     * a node that stopped working (killed, cut off from the database, stuck) lets them run out; then
     * another node takes them. Longer than a batch takes on a loaded machine.
     */
    static final Duration CLAIM = Duration.ofMinutes(2);
    /**
     * Not at every turn: during an import a node holds a hundred thousand rows, and one update of
     * all of them per batch of 200 would be most of the queue's database work.
     */
    static final Duration RENEW_EVERY = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(IndexingQueue.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ArticleCatalog catalog;
    private final ArticleIndexer indexer;
    private final SearchIndex index;
    private final EntityRepository entities;
    private final RecommendationLists recommendations;
    private final AnalysisAnnouncer announcer;
    private final Clock clock;
    /** The name this node claims rows under; see {@link #claimName}. */
    private final String node;
    private final Object signal = new Object();
    private volatile boolean woken;
    private volatile long lastQueued = System.nanoTime() - QUIET.toNanos();
    private volatile boolean running;
    /** Bulks under way on this node (an archive import): lists wait for them, see {@link #holdLists}. */
    private final AtomicInteger bulks = new AtomicInteger();
    /** A bulk was released since the last lists: the index is told before they are computed. */
    private volatile boolean bulkEnded;
    private Thread worker;
    /** When this node's claims were last renewed (worker thread only). */
    private long renewedAt = System.nanoTime();
    /**
     * Batches written to the index but not committed yet; their rows stay at step INDEX until
     * the commit, so a crash before it indexes them again at the next start. Worker thread only.
     */
    private final List<Claim> staged = new java.util.ArrayList<>();

    IndexingQueue(JdbcClient jdbc, PlatformTransactionManager transactions, ArticleCatalog catalog, ArticleIndexer indexer,
                  SearchIndex index, EntityRepository entities, RecommendationLists recommendations,
                  AnalysisAnnouncer announcer, Clock clock, PlatformProperties platform) {
        this.node = claimName(platform.dataDir());
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.catalog = catalog;
        this.indexer = indexer;
        this.index = index;
        this.entities = entities;
        this.recommendations = recommendations;
        this.announcer = announcer;
        this.clock = clock;
    }

    // --- writing changes down, inside the transaction that made them ------------------

    @EventListener
    void on(ArticlePublished published) {
        enqueue(List.of(published.articleId()));
    }

    @EventListener
    void on(ArticleUpdated updated) {
        enqueue(List.of(updated.articleId()));
    }

    @EventListener
    void on(ArticleWithdrawn withdrawn) {
        enqueue(List.of(withdrawn.articleId()));
    }

    /** A renamed keyword: the published articles that carried it are indexed with the new one. */
    @EventListener
    void on(KeywordRenamed renamed) {
        enqueue(renamed.published());
    }

    /**
     * Queues the articles to be indexed as they are when the worker reads them (published,
     * updated, or no longer published: then they leave the index). Joins the caller's
     * transaction; the worker is woken once it commits.
     */
    public void enqueue(Collection<ArticleId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO search_queue (article_id, step, queued_at, claimed_by, claimed_until)
                        SELECT unnest(?::text[]), 'INDEX', ?::timestamptz, ?, clock_timestamp() + ?::interval
                        ON CONFLICT (article_id) DO UPDATE SET step = 'INDEX', queued = nextval('search_queue_seq'),
                          queued_at = EXCLUDED.queued_at, indexed_at = NULL, failures = 0,
                          claimed_by = EXCLUDED.claimed_by, claimed_until = EXCLUDED.claimed_until""")
                .params(ids.stream().map(ArticleId::value).distinct().toArray(String[]::new), Timestamp.from(clock.instant()),
                        node, CLAIM.toString())
                .update();
        lastQueued = System.nanoTime();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    /**
     * Keeps recommendation lists from being computed until the returned hold is closed, and
     * commits the index only every {@link #COMMIT_EVERY} articles meanwhile. For a bulk import
     * whose files come in batches: between two batches the queue is empty for a moment, and
     * lists computed then would see a part of the archive (issue 19), then be computed again
     * as later articles name them. Held, every list is computed once, after the bulk, against
     * the whole archive. The hold lives in memory only: a killed import holds nothing, and the
     * rows it left are worked off at the next start (or held again by the next import).
     */
    public IndexingBacklog.ListsHeld holdLists() {
        bulks.incrementAndGet();
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                bulkEnded = true;
                bulks.decrementAndGet();
                wake();
            }
        };
    }

    /** What is left: articles to index, lists to compute, and rows given up on. */
    public IndexingBacklog.Backlog backlog() {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE step = 'INDEX' AND failures < :max),
                               count(*) FILTER (WHERE step = 'LIST' AND failures < :max),
                               count(*) FILTER (WHERE failures >= :max)
                        FROM search_queue""")
                .param("max", MAX_FAILURES)
                .query((rs, n) -> new IndexingBacklog.Backlog(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    // --- the worker ----------------------------------------------------------------------

    private void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void work() {
        while (running) {
            try {
                renewClaims();
                if (indexNext()) {
                    continue;
                }
                long quietFor = System.nanoTime() - lastQueued;
                if (quietFor < QUIET.toNanos()) {
                    pause(Duration.ofNanos(QUIET.toNanos() - quietFor));
                    continue;
                }
                if (!listNext()) {
                    pause(IDLE_POLL);
                }
            } catch (RuntimeException failed) {
                if (running) {
                    // The database may be down (decision 0019): the rows wait, nothing is lost.
                    log.warn("Search queue paused for {} s: {}", AFTER_FAILURE.toSeconds(), failed.toString());
                    pause(AFTER_FAILURE);
                }
            }
        }
    }

    private void pause(Duration atMost) {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(signal, atMost.toNanos());
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    private record Claim(ArticleId id, long queued, Instant indexedAt) {
    }

    /**
     * Takes the next rows of {@code step} that are this node's or nobody's (no claim, or one run
     * out), and claims them for this node. {@code SKIP LOCKED}: two nodes looking at the same
     * moment take different rows, neither waits for the other.
     */
    private List<Claim> claim(String step, int limit) {
        // Past the rows staged already: they wait at INDEX for the commit that ends the bulk.
        long after = step.equals("INDEX") && !staged.isEmpty() ? staged.getLast().queued() : Long.MIN_VALUE;
        return jdbc.sql("""
                        UPDATE search_queue q SET claimed_by = :node, claimed_until = clock_timestamp() + CAST(:claim AS interval)
                        FROM (SELECT article_id FROM search_queue
                              WHERE step = :step AND failures < :max AND queued > :after
                                AND (claimed_by IS NULL OR claimed_by = :node OR claimed_until < clock_timestamp())
                              ORDER BY queued LIMIT :limit
                              FOR UPDATE SKIP LOCKED) next
                        WHERE q.article_id = next.article_id
                        RETURNING q.article_id, q.queued, q.indexed_at""")
                .param("node", node).param("claim", CLAIM.toString()).param("step", step).param("max", MAX_FAILURES)
                .param("after", after).param("limit", limit)
                .query((rs, n) -> {
                    Timestamp indexedAt = rs.getTimestamp(3);
                    return new Claim(new ArticleId(rs.getString(1)), rs.getLong(2),
                            indexedAt == null ? null : indexedAt.toInstant());
                })
                .list().stream().sorted(Comparator.comparingLong(Claim::queued)).toList();
    }

    /**
     * The name this node claims queue rows under, kept in {@code <data-dir>/search-queue-node} from
     * its first start: a node started again on its data directory after a crash takes back at once
     * the rows its killed process had claimed, instead of waiting {@link #CLAIM} for them as for
     * another node's. Every node has a data directory of its own (docs/deploy.md); a backup does
     * not carry the file, so nodes restored from one backup do not share the name.
     */
    static String claimName(Path dataDir) {
        Path file = dataDir.resolve("search-queue-node");
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            String name = ThisNode.name();
            Files.createDirectories(dataDir);
            Path temp = Files.createTempFile(dataDir, ".search-queue-node-", ".tmp");
            Files.writeString(temp, name, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return name;
        } catch (IOException unwritable) {
            // Still one name for this process: its rows wait for the claim to run out after a restart.
            log.warn("Could not keep this node's name for the search queue in {} ({}): a restart takes back its rows only after {}",
                    file, unwritable.getMessage(), CLAIM);
            return ThisNode.name();
        }
    }

    /** Keeps this node's claims from running out while its worker works (see {@link #CLAIM}). */
    private void renewClaims() {
        if (System.nanoTime() - renewedAt < RENEW_EVERY.toNanos()) {
            return;
        }
        jdbc.sql("UPDATE search_queue SET claimed_until = clock_timestamp() + ?::interval WHERE claimed_by = ?")
                .params(CLAIM.toString(), node)
                .update();
        renewedAt = System.nanoTime();
    }

    /** @return whether there was anything to index */
    private boolean indexNext() {
        List<Claim> claims = claim("INDEX", INDEX_BATCH);
        if (claims.isEmpty()) {
            if (staged.isEmpty() || bulks.get() > 0) {
                return false; // during a bulk, the next batch of files comes to what is staged
            }
            commitStaged();
            return true;
        }
        eachAloneOnFailure(claims, this::index, "index");
        boolean caughtUp = claims.size() < INDEX_BATCH && bulks.get() == 0;
        if (caughtUp || staged.size() >= COMMIT_EVERY) {
            commitStaged(); // a lone article from the desk is searchable at once, as before
        }
        return true;
    }

    /** Commits the staged batches, then moves their rows on to their lists. */
    private void commitStaged() {
        if (staged.isEmpty()) {
            return;
        }
        index.commitStaged();
        jdbc.sql("""
                        UPDATE search_queue q SET step = 'LIST', indexed_at = ?::timestamptz
                        FROM unnest(?::text[], ?::bigint[]) AS c(id, queued)
                        WHERE q.article_id = c.id AND q.queued = c.queued""")
                .params(Timestamp.from(clock.instant()), ids(staged), queued(staged))
                .update();
        staged.clear();
    }

    /** @return whether there was any list to compute */
    private boolean listNext() {
        if (bulks.get() > 0) {
            return false;
        }
        List<Claim> claims = claim("LIST", LIST_BATCH);
        if (claims.isEmpty()) {
            return false;
        }
        if (bulkEnded) {
            bulkEnded = false;
            index.bulkEnded();
        }
        eachAloneOnFailure(claims, this::computeLists, "compute the recommendations of");
        return true;
    }

    /** A batch that fails is tried article by article, so one bad article holds up no other. */
    private void eachAloneOnFailure(List<Claim> claims, java.util.function.Consumer<List<Claim>> work, String what) {
        try {
            work.accept(claims);
        } catch (SearchEngineUnavailableException engineAway) {
            throw engineAway; // no article's fault: the rows wait, uncounted, until the engine is back
        } catch (RuntimeException batchFailed) {
            if (claims.size() == 1) {
                throw batchFailed;
            }
            for (Claim claim : claims) {
                try {
                    work.accept(List.of(claim));
                } catch (SearchEngineUnavailableException engineAway) {
                    throw engineAway;
                } catch (RuntimeException failed) {
                    int updated = jdbc.sql("UPDATE search_queue SET failures = failures + 1 WHERE article_id = ? AND queued = ?")
                            .params(claim.id().value(), claim.queued()).update();
                    if (updated > 0) {
                        log.warn("Could not {} article {}: {}", what, claim.id().value(), failed.toString());
                    }
                }
            }
        }
    }

    private void index(List<Claim> claims) {
        Instant readAt = clock.instant();
        List<Article> published = catalog.findAll(claims.stream().map(Claim::id).toList());
        Set<ArticleId> found = new LinkedHashSet<>();
        published.forEach(article -> found.add(article.id()));
        // Analysis is most of the work: on every core (the common pool's threads and this one).
        List<ArticleIndexer.Analysed> analysed = published.parallelStream()
                .map(article -> indexer.analyse(article, readAt))
                .toList();
        index.stage(analysed.stream().map(ArticleIndexer.Analysed::indexed).toList());
        List<Claim> gone = claims.stream().filter(claim -> !found.contains(claim.id())).toList();
        for (Claim claim : gone) {
            indexer.remove(claim.id());
        }
        transaction.executeWithoutResult(status -> analysed.forEach(article ->
                entities.replaceEvents(article.indexed().id().value(), article.events())));
        List<ArticleAnalysed> announcements = analysed.stream().map(ArticleIndexer.Analysed::announcement).toList();
        announcer.announce(announcements);
        claims.stream().filter(claim -> found.contains(claim.id())).forEach(staged::add);
        finish(gone);
    }

    private void computeLists(List<Claim> claims) {
        Map<ArticleId, Instant> neighbours = new HashMap<>();
        List<List<Similar>> lists = claims.parallelStream()
                .map(claim -> index.find(claim.id()).map(recommendations::compute).orElse(List.of()))
                .toList();
        for (int i = 0; i < claims.size(); i++) {
            Instant indexedAt = claims.get(i).indexedAt() == null ? clock.instant() : claims.get(i).indexedAt();
            for (Similar neighbour : lists.get(i)) {
                neighbours.merge(neighbour.id(), indexedAt, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<IndexedArticle> outdated = recommendations.computedNoLaterThan(neighbours).stream()
                .map(index::find).flatMap(java.util.Optional::stream).toList();
        outdated.parallelStream().forEach(recommendations::compute);
        finish(claims);
    }

    /** Drops the rows done, unless a newer change of the article took a row over meanwhile. */
    private void finish(List<Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        DELETE FROM search_queue q USING unnest(?::text[], ?::bigint[]) AS c(id, queued)
                        WHERE q.article_id = c.id AND q.queued = c.queued""")
                .params(ids(claims), queued(claims))
                .update();
    }

    private static String[] ids(List<Claim> claims) {
        return claims.stream().map(claim -> claim.id().value()).toArray(String[]::new);
    }

    private static Long[] queued(List<Claim> claims) {
        return claims.stream().map(Claim::queued).toArray(Long[]::new);
    }

    // --- lifecycle -------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        running = true;
        worker = Thread.ofPlatform().name("search-queue").daemon().start(this::work);
    }

    /**
     * Lets the worker finish the batch it is on (interrupting it could close the index's files
     * under it); what is left stays queued for the next start.
     */
    @Override
    public synchronized void stop() {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    /** In the last phase (the default): started after everything else, stopped before it. */
    @Override
    public boolean isRunning() {
        return running;
    }
}
