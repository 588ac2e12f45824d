package jp.kawaraban.search;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.search.internal.AnalysisAnnouncer;
import jp.kawaraban.search.internal.ArticleIndexer;
import jp.kawaraban.search.internal.EntityRepository;
import jp.kawaraban.search.internal.RecommendationLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-creates the search index from the database. The new index is written beside the one
 * being served, receives live changes meanwhile, and replaces it only when complete, so the
 * site searches the old index until then. Runs by itself when the index is empty but
 * articles exist (a new installation of search, a deleted index directory).
 *
 * <p>Every article analysed is announced ({@link ArticleAnalysed}, one transaction per batch),
 * so what other modules keep of the analysis (My News tags) is rewritten with the index, and
 * a rebuild mends both. Announcements go out batch by batch, before the new index is served:
 * a rebuild that fails still leaves what it found in the articles it got to, which was right.
 */
@Service
public class IndexRebuilds {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuilds.class);
    private static final int BATCH = 500;

    private final ArticleCatalog catalog;
    private final SearchIndex index;
    private final ArticleIndexer indexer;
    private final EntityRepository entities;
    private final RecommendationLists recommendations;
    private final AnalysisAnnouncer announcer;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private volatile Progress progress = new Progress(false, 0, 0, null, null, null);

    IndexRebuilds(ArticleCatalog catalog, SearchIndex index, ArticleIndexer indexer, EntityRepository entities,
                  RecommendationLists recommendations, AnalysisAnnouncer announcer, Clock clock,
                  PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.catalog = catalog;
        this.index = index;
        this.indexer = indexer;
        this.entities = entities;
        this.recommendations = recommendations;
        this.announcer = announcer;
        this.clock = clock;
    }

    /** Where a rebuild stands; {@code error} is set when the last one failed. */
    public record Progress(boolean running, long done, long total, Instant startedAt, Instant finishedAt,
                           String error) {

        public int percent() {
            return total == 0 ? (running ? 0 : 100) : (int) (100 * done / total);
        }
    }

    public Progress progress() {
        return progress;
    }

    /** @return false when a rebuild is already running */
    public synchronized boolean start() {
        if (progress.running()) {
            return false;
        }
        long total = catalog.countPublished();
        progress = new Progress(true, 0, total, clock.instant(), null, null);
        Thread.ofVirtual().name("search-index-rebuild").start(this::run);
        return true;
    }

    private void run() {
        SearchIndex.Rebuild rebuild;
        try {
            rebuild = index.startRebuild();
        } catch (RuntimeException failed) { // the engine is away, or another node is rebuilding it
            progress = new Progress(false, 0, progress.total(), progress.startedAt(), clock.instant(), failed.getMessage());
            log.error("Search index rebuild could not start; the old index is still served", failed);
            return;
        }
        long done = 0;
        try {
            ArticleId after = null;
            while (true) {
                Instant readAt = clock.instant();
                List<Article> batch = catalog.publishedAfter(after, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                // Analysis is most of a rebuild's work, ours and the engine's: both on every core.
                List<ArticleIndexer.Analysed> analysed = batch.parallelStream()
                        .map(article -> indexer.analyse(article, readAt))
                        .toList();
                rebuild.addAll(analysed.stream().map(ArticleIndexer.Analysed::indexed).toList());
                List<ArticleAnalysed> announcements = analysed.stream().map(ArticleIndexer.Analysed::announcement).toList();
                transaction.executeWithoutResult(status -> analysed.forEach(article ->
                        entities.replaceEvents(article.indexed().id().value(), article.events())));
                announcer.announce(announcements);
                done += batch.size();
                after = batch.getLast().id();
                progress = new Progress(true, done, Math.max(done, progress.total()), progress.startedAt(), null, null);
            }
            rebuild.commit();
            recommendations.markAllStale(); // analysis may have changed: lists are made again as articles are viewed
            progress = new Progress(false, done, done, progress.startedAt(), clock.instant(), null);
            log.info("Search index rebuilt: {} articles", done);
        } catch (RuntimeException failed) {
            rebuild.abandon();
            progress = new Progress(false, done, progress.total(), progress.startedAt(), clock.instant(),
                    failed.getMessage());
            log.error("Search index rebuild failed after {} articles; the old index is still served", done, failed);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfEmpty() {
        try {
            if (index.size() == 0 && catalog.countPublished() > 0) {
                log.info("The search index is empty: rebuilding it from the database");
                start();
            }
        } catch (SearchEngineUnavailableException away) {
            // The site starts without its search engine (OpenSearch away); the queue fills the
            // index once it answers, and an administrator can rebuild it at /admin/search.
            log.warn("Could not see whether the search index is empty: {}", away.whatFailed());
        }
    }
}
