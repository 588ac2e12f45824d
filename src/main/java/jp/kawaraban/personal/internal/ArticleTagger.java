package jp.kawaraban.personal.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;

import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleUpdated;
import jp.kawaraban.article.ArticleWithdrawn;
import jp.kawaraban.personal.Follows;
import jp.kawaraban.search.ArticleAnalysed;
import jp.kawaraban.search.ArticlesAnalysed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records each published article's tags for My News — its series code, the editors' keywords
 * and the entities search found in it under any spelling — from search's
 * {@link ArticlesAnalysed} (a batch; a single {@link ArticleAnalysed} is taken too), so My News files an article exactly as the index does, and an index
 * rebuild rewrites both (decision 0008, revised). Keeps saved articles in step too: a withdrawn
 * article's tags go (it leaves every feed) and its saved copies become notices; an updated
 * one's saved copies show its new headline. Runs after the publishers' commits, through the
 * event publication registry, so nothing is missed.
 *
 * <p>A rebuild or an archive import announces every article within minutes, a batch per
 * event. The events wait as parked virtual threads, holding no database connection: the
 * listener opens its transaction only once one of {@link #WRITERS} slots is free, so tagging
 * never takes more of the connection pool than that from the site.
 */
@Component
class ArticleTagger {

    /** Tag writes at a time on this node. */
    static final int WRITERS = 2;

    private final ArticleCatalog catalog;
    private final FeedRepository feed;
    private final PersonalRepository repository;
    private final TransactionTemplate transaction;
    private final Semaphore writers = new Semaphore(WRITERS);

    ArticleTagger(ArticleCatalog catalog, FeedRepository feed, PersonalRepository repository,
                  PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.feed = feed;
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Not an {@code @ApplicationModuleListener}: that would open the transaction, and take a
     * connection, before waiting for a slot.
     */
    @Async
    @TransactionalEventListener
    void on(ArticleAnalysed analysed) {
        inWriterSlot(List.of(analysed));
    }

    /**
     * A batch from search (an import, a rebuild): the whole batch in one transaction, so a
     * hundred thousand articles cost a few hundred tasks, not one each waiting for a slot.
     */
    @Async
    @TransactionalEventListener
    void on(ArticlesAnalysed batch) {
        inWriterSlot(batch.analyses());
    }

    /** Tags the articles in one transaction, opened only once a writer's slot is free. */
    private void inWriterSlot(List<ArticleAnalysed> analyses) {
        try {
            writers.acquire();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopped before tagging " + analyses.size() + " articles", stopping);
        }
        try {
            transaction.executeWithoutResult(status -> analyses.forEach(this::tag));
        } finally {
            writers.release();
        }
    }

    /** Writes the article's tags as the analysis found them (see {@link FeedRepository#replaceTags}). */
    boolean tag(ArticleAnalysed analysed) {
        Set<FeedRepository.Tag> tags = new LinkedHashSet<>();
        if (analysed.seriesCode() != null) {
            tags.add(new FeedRepository.Tag("SERIES", analysed.seriesCode()));
        }
        for (String keyword : analysed.keywords()) {
            String normalised = Follows.normaliseKeyword(keyword);
            if (!normalised.isEmpty()) {
                tags.add(new FeedRepository.Tag("KEYWORD", normalised));
            }
        }
        analysed.entityIds().forEach(entityId -> tags.add(new FeedRepository.Tag("ENTITY", entityId)));
        return feed.replaceTags(analysed.articleId().value(), analysed.analysedAt(), analysed.publishedAt(), tags);
    }

    @ApplicationModuleListener
    void on(ArticleUpdated updated) {
        catalog.find(updated.articleId().value())
                .ifPresent(article -> repository.headlineChanged(article.id().value(), article.headline()));
    }

    @ApplicationModuleListener
    void on(ArticleWithdrawn withdrawn) {
        feed.withdraw(withdrawn.articleId().value(), withdrawn.withdrawnAt());
        repository.articleWithdrawn(withdrawn.articleId().value(), withdrawn.withdrawnAt());
    }
}
