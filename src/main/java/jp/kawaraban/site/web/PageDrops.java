package jp.kawaraban.site.web;

import jp.kawaraban.article.ArticlePublished;
import jp.kawaraban.article.ArticleUpdated;
import jp.kawaraban.article.ArticleWithdrawn;
import jp.kawaraban.article.KeywordRenamed;
import jp.kawaraban.article.SectionsChanged;
import jp.kawaraban.platform.Audited;
import jp.kawaraban.platform.FromAnotherNode;
import jp.kawaraban.platform.NodeEventsMissed;
import jp.kawaraban.platform.OneMembersEvent;
import jp.kawaraban.site.ReadersPagesChanged;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The changes that may alter what a kept page shows, each dropping every kept page
 * ({@link AnonymousPageCache#dropAll}, which drops the shared parts and the paid members' pages
 * with them). Apart from the cache: Spring Modulith proxies a bean with transactional event
 * listeners, and a proxy on the cache cost a reflective call on every request.
 */
@Component
class PageDrops {

    private final AnonymousPageCache cache;

    PageDrops(AnonymousPageCache cache) {
        this.cache = cache;
    }

    /*
     * After the commit, on the thread that made the change, so the desk's answer comes after the
     * drop; after the site's other listeners (the section navigation), so a page rendered after
     * the drop sees what they forgot read again. Without a transaction (a job, a command) at once.
     */

    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(ArticlePublished published) {
        cache.dropAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(ArticleUpdated updated) {
        cache.dropAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(ArticleWithdrawn withdrawn) {
        cache.dropAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(KeywordRenamed renamed) {
        cache.dropAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(SectionsChanged changed) {
        cache.dropAll();
    }

    /** A form's change on this node (AnonymousPages), a deleted account's commentary. */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(ReadersPagesChanged changed) {
        cache.dropAll();
    }

    /** Administrators' changes: runtime settings (the site's name, the preview length), plans, experts. */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(Audited audited) {
        cache.dropAll();
    }

    /**
     * The same changes made on another node (every node-wide event is one of those above), and
     * whatever this node may have missed while it was not listening (docs/decisions/0030).
     */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(FromAnotherNode<?> changedElsewhere) {
        if (!(changedElsewhere.event() instanceof OneMembersEvent)) { // a member's own state is on no page kept here
            cache.dropAll();
        }
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(NodeEventsMissed missed) {
        cache.dropAll();
    }
}
