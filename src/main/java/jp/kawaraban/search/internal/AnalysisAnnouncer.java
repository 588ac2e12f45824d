package jp.kawaraban.search.internal;

import java.util.Collection;

import jp.kawaraban.search.ArticleAnalysed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes {@link ArticleAnalysed} once the index holds what it says. Indexing runs outside
 * any transaction, and the event publication registry records an event only inside one, so
 * each call is a short transaction of its own: one row per event and listener, nothing else.
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
        transaction.executeWithoutResult(status -> events.publishEvent(analysed));
    }

    /** Many at once (a rebuild's batch): one transaction for all of them. */
    public void announce(Collection<ArticleAnalysed> analysed) {
        if (!analysed.isEmpty()) {
            transaction.executeWithoutResult(status -> analysed.forEach(events::publishEvent));
        }
    }
}
