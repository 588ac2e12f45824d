package jp.kawaraban.site.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jp.kawaraban.article.ArticlePublished;
import jp.kawaraban.article.ArticleUpdated;
import jp.kawaraban.article.ArticleWithdrawn;
import jp.kawaraban.article.KeywordRenamed;
import jp.kawaraban.article.SectionsChanged;
import jp.kawaraban.platform.Audited;
import jp.kawaraban.site.SharedArticleData;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Anonymous readers' pages as they were last sent, kept for {@link AnonymousPages}. Any change
 * that may alter what a page shows drops them all: working out which pages one article
 * appears on (home, its sections, series, keywords, other articles' lists) would be a second
 * copy of the pages' own logic, and pages are rendered again in a few milliseconds.
 * <p>
 * A page whose rendering began before a drop may hold what was there before the change; the
 * generation it began in tells, and such a page is sent but not kept.
 */
@Component
class AnonymousPageCache {

    private final Cache<String, StoredPage> pages;
    private final AtomicLong generation = new AtomicLong();

    private final SharedArticleData shared;

    AnonymousPageCache(PageCacheProperties properties, SharedArticleData shared) {
        this.shared = shared;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxBytes().toBytes())
                .weigher((String key, StoredPage page) -> page.weight() + key.length() * 2)
                .expireAfterWrite(properties.maxAge())
                .build();
    }

    /** The generation a rendering begins in; hand it back to {@link #keep}. */
    long generation() {
        return generation.get();
    }

    StoredPage find(String key) {
        return pages.getIfPresent(key);
    }

    /** Keeps the page unless something was dropped since its rendering began. */
    void keep(String key, long renderedIn, StoredPage page) {
        if (generation.get() != renderedIn) {
            return;
        }
        pages.put(key, page);
        // A drop between the check and the put has already passed this entry by.
        if (generation.get() != renderedIn) {
            pages.asMap().remove(key, page);
        }
    }

    /**
     * Forgets every page, and the parts members' pages share; renderings already under way are
     * not kept either.
     */
    void dropAll() {
        // The shared parts first: a page rendered between the two drops began in the old
        // generation and is not kept, whatever it read.
        shared.dropAll();
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    /*
     * After the commit, on the thread that made the change, so the desk's answer comes after the
     * drop; after the site's other listeners (the section navigation), so a page rendered after
     * the drop sees what they forgot read again. Without a transaction (a job, a command) at once.
     */

    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(ArticlePublished published) {
        dropAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(ArticleUpdated updated) {
        dropAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(ArticleWithdrawn withdrawn) {
        dropAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(KeywordRenamed renamed) {
        dropAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(SectionsChanged changed) {
        dropAll();
    }

    /** Administrators' changes: runtime settings (the site's name, the preview length), plans, experts. */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(Audited audited) {
        dropAll();
    }

    /** A page as it was sent: status 200, its headers in order, its body. */
    record StoredPage(String contentType, java.util.Locale locale, List<Header> headers, byte[] body, String etag) {

        int weight() {
            int weight = body.length + 64;
            for (Header header : headers) {
                weight += (header.name().length() + header.value().length()) * 2;
            }
            return weight;
        }
    }

    record Header(String name, String value) {
    }
}
