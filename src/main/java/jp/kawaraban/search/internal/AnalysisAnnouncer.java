package jp.kawaraban.search.internal;

import java.util.Collection;
import java.util.List;

import jp.kawaraban.search.ArticleAnalysed;
import jp.kawaraban.search.ArticlesAnalysed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes {@link ArticlesAnalysed} once the index holds what it says. Indexing runs outside
 * any transaction, and the event publication registry records an event only inside one, so
 * each call is a short transaction of its own: one row per batch and listener, nothing else.
 */
@Component
public class AnalysisAnnouncer {

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    AnalysisAnnouncer(ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    public void announce(ArticleAnalysed analysed) {
        announce(List.of(analysed));
    }

    /** Many at once (a batch of the queue or of a rebuild): one event, in one transaction. */
    public void announce(Collection<ArticleAnalysed> analysed) {
        if (!analysed.isEmpty()) {
            ArticlesAnalysed batch = new ArticlesAnalysed(List.copyOf(analysed));
            transaction.executeWithoutResult(status -> events.publishEvent(batch));
        }
    }
}
