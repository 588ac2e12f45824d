package jp.kawaraban.personal.internal;

import java.time.Clock;
import java.util.List;

import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tags the articles published before this module existed, once: on the first start with the
 * {@code personal} tables, every published article is tagged in batches; articles published
 * later are tagged by their events. Re-tagging an article is harmless, so a race with those
 * events changes nothing.
 */
@Component
class TagBackfill {

    private static final Logger log = LoggerFactory.getLogger(TagBackfill.class);
    private static final int BATCH = 200;

    private final ArticleCatalog catalog;
    private final ArticleTagger tagger;
    private final PersonalRepository repository;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TagBackfill(ArticleCatalog catalog, ArticleTagger tagger, PersonalRepository repository,
                PlatformTransactionManager transactions, Clock clock) {
        this.catalog = catalog;
        this.tagger = tagger;
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        if (repository.backfillDone()) {
            return;
        }
        ArticleId after = null;
        int tagged = 0;
        while (true) {
            List<Article> batch = catalog.publishedAfter(after, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            transaction.executeWithoutResult(status -> batch.forEach(tagger::tag));
            tagged += batch.size();
            after = batch.getLast().id();
        }
        repository.markBackfillDone(clock.instant());
        log.info("My News: tagged {} published articles", tagged);
    }
}
