package jp.kawaraban.site.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jp.kawaraban.site.SharedArticleData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Anonymous readers' pages as they were last sent, kept for {@link AnonymousPages}. Any change
 * that may alter what a page shows drops them all: working out which pages one article
 * appears on (home, its sections, series, keywords, other articles' lists) would be a second
 * copy of the pages' own logic, and pages are rendered again in a few milliseconds.
 * <p>
 * A page whose rendering began before a drop may hold what was there before the change; the
 * generation it began in tells, and such a page is sent but not kept.
 * <p>
 * One request renders a missing page; the readers who ask for it meanwhile wait for that
 * rendering instead of rendering it too. Right after a breaking story is published every page
 * has just been dropped, and without this each of the hundreds of readers then arriving at once
 * would render the home page itself. A page older than the maximum age is sent as it is while
 * one request renders it again.
 * <p>
 * Dropped by {@link PageDrops}, which listens to the changes: a bean with transactional event
 * listeners is proxied, and this one is asked on every request.
 */
@Component
class AnonymousPageCache {

    private final Cache<String, KeptPage> pages;
    private final Map<String, CompletableFuture<StoredPage>> renderings = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    /** Held by a drop and by a page being kept, so that neither sees half of the other. */
    private final Object drops = new Object();
    private final long maxAgeNanos;
    private final Ticker ticker;

    private final SharedArticleData shared;
    /** The paid members' pages, dropped by the same rule (decision 0042); null in unit tests. */
    private final MemberPageTemplates memberPages;

    @Autowired
    AnonymousPageCache(PageCacheProperties properties, SharedArticleData shared, MemberPageTemplates memberPages) {
        this(properties, shared, memberPages, Ticker.systemTicker());
    }

    /** With the clock the pages' age is read from. */
    AnonymousPageCache(PageCacheProperties properties, SharedArticleData shared, MemberPageTemplates memberPages,
                       Ticker ticker) {
        this.shared = shared;
        this.memberPages = memberPages;
        this.maxAgeNanos = properties.maxAge().toNanos();
        this.ticker = ticker;
        this.pages = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumWeight(properties.maxBytes().toBytes())
                .weigher((String key, KeptPage kept) -> kept.page().weight() + key.length() * 2)
                // Past the maximum age a page is only sent while it is rendered again; past twice
                // that nobody asked for it, and it goes.
                .expireAfterWrite(properties.maxAge().multipliedBy(2))
                .build();
    }

    /** The generation a rendering begins in; hand it back to {@link #keep}. */
    long generation() {
        return generation.get();
    }

    /** The page kept for the address and still within its maximum age, or {@code null}. */
    StoredPage find(String key) {
        KeptPage kept = pages.getIfPresent(key);
        return kept == null || olderThanMaxAge(kept) ? null : kept.page();
    }

    /**
     * What a request for the address does: send a kept page, render it (and {@link
     * #finish} the rendering), or wait for the rendering another request began.
     */
    Lookup lookUp(String key) {
        KeptPage kept = pages.getIfPresent(key);
        if (kept != null && !olderThanMaxAge(kept)) {
            return new Lookup.Send(kept.page());
        }
        CompletableFuture<StoredPage> mine = new CompletableFuture<>();
        CompletableFuture<StoredPage> theirs = renderings.putIfAbsent(key, mine);
        if (theirs == null) {
            return new Lookup.Render(generation.get(), mine);
        }
        return kept != null ? new Lookup.Send(kept.page()) : new Lookup.Await(theirs);
    }

    /**
     * Ends a rendering begun by {@link #lookUp}: keeps the page (unless it may not be kept, then
     * {@code null}) and hands it to the requests waiting for it.
     */
    void finish(String key, Lookup.Render rendering, StoredPage page) {
        if (page != null) {
            keep(key, rendering.generation(), page);
        }
        renderings.remove(key, rendering.waiting());
        rendering.waiting().complete(page);
    }

    /**
     * Keeps the page unless something was dropped since its rendering began. The check and the
     * put are one step against {@link #dropAll}: checked, put and removed again afterwards, the
     * old page could be found by a reader in between, after the change's answer.
     */
    void keep(String key, long renderedIn, StoredPage page) {
        synchronized (drops) {
            if (generation.get() == renderedIn) {
                pages.put(key, new KeptPage(page, ticker.read()));
            }
        }
    }

    /**
     * Forgets every page, and the parts members' pages share; renderings already under way are
     * not kept either, and a request that arrives from now on renders anew rather than waiting
     * for one of them.
     */
    void dropAll() {
        // The shared parts first: a page rendered between the two drops began in the old
        // generation and is not kept, whatever it read.
        shared.dropAll();
        if (memberPages != null) {
            memberPages.dropAll();
        }
        synchronized (drops) {
            generation.incrementAndGet();
            renderings.clear();
            pages.invalidateAll();
        }
    }

    /** What a request does about its page: see {@link #lookUp}. */
    sealed interface Lookup {

        record Send(StoredPage page) implements Lookup {
        }

        /** This request renders the page; {@code waiting} is what the others wait on. */
        record Render(long generation, CompletableFuture<StoredPage> waiting) implements Lookup {
        }

        /** Another request renders the page; its result is {@code null} when it cannot be kept. */
        record Await(CompletableFuture<StoredPage> rendering) implements Lookup {
        }
    }

    private boolean olderThanMaxAge(KeptPage kept) {
        return ticker.read() - kept.keptAtNanos() > maxAgeNanos;
    }

    private record KeptPage(StoredPage page, long keptAtNanos) {
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
