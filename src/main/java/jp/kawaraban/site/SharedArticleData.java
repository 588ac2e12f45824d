package jp.kawaraban.site;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleId;

/**
 * What every reader of an article's page shares, kept in memory per article: the article as
 * stored, its related and recommended lists, the topics it offers to follow. A member's page
 * is made of these and of the parts only that member sees (follow and save state, the
 * allowance line), which are read for each request.
 * <p>
 * Nothing here decides what a reader may read: the article is kept whole, and the part of its
 * body a reader gets is cut per request from the access decided for that request, as before.
 * So a free member and a paid one share the kept article and still get different bodies.
 * <p>
 * Dropped with the anonymous pages, by the same rule (decision 0026): after every change that
 * may alter a page (article events, administrators' changes, the desk's writes), and after
 * the page cache's maximum age at the latest. A value loaded while a drop happened is used
 * for its request but not kept.
 * <p>
 * A part worked out from the article ({@link #from}: its page's title, its related list, its
 * topics) is kept only when no drop came between loading that article and working the part
 * out. A rendering that loaded the article just before an update and reached its title just
 * after would otherwise keep the old title as current, and every page rendered after the update
 * would show the new text under it until the next change (a strict test saw this once).
 */
public final class SharedArticleData {

    private final boolean enabled;
    private final Cache<Key, Object> kept;
    /** The generation each article handed out was loaded in, by identity, for the parts worked out from it. */
    private final Cache<Article, Long> loadedIn;
    private final AtomicLong generation = new AtomicLong();
    private final Object drops = new Object();

    /**
     * @param enabled    off, every request loads everything (with the page cache off)
     * @param maxEntries how many values to keep (a few per article)
     * @param maxAge     how long one is kept at most
     */
    public SharedArticleData(boolean enabled, long maxEntries, Duration maxAge) {
        this.enabled = enabled;
        this.kept = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(maxAge).build();
        this.loadedIn = Caffeine.newBuilder().weakKeys().maximumSize(maxEntries).expireAfterWrite(maxAge).build();
    }

    /**
     * The value named {@code part} of this article, loaded by {@code load} when it is not kept.
     * A load that throws (an article withdrawn meanwhile) keeps nothing.
     */
    public <V> V get(ArticleId article, String part, Supplier<V> load) {
        return get(article.value(), part, load);
    }

    /** As {@link #get(ArticleId, String, Supplier)} for an article id as a reader gave it (a page's address). */
    @SuppressWarnings("unchecked")
    public <V> V get(String article, String part, Supplier<V> load) {
        if (!enabled) {
            return load.get();
        }
        Key key = new Key(part, article);
        Object found = kept.getIfPresent(key);
        if (found != null) {
            return (V) found;
        }
        long startedIn = generation.get();
        V loaded = load.get();
        if (loaded != null) {
            if (loaded instanceof Article source) {
                loadedIn.put(source, startedIn);
            }
            keepIfCurrent(key, loaded, startedIn);
        }
        return loaded;
    }

    /**
     * The value named {@code part} worked out from this article (as {@link #get} handed it
     * out), by {@code workOut} when it is not kept; kept only when the article was loaded since
     * the last drop. An article that came from elsewhere gives a part that is not kept.
     */
    @SuppressWarnings("unchecked")
    public <V> V from(Article article, String part, Function<Article, V> workOut) {
        if (!enabled) {
            return workOut.apply(article);
        }
        Key key = new Key(part, article.id().value());
        Object found = kept.getIfPresent(key);
        if (found != null) {
            return (V) found;
        }
        Long articleLoadedIn = loadedIn.getIfPresent(article);
        V worked = workOut.apply(article);
        if (worked != null && articleLoadedIn != null) {
            keepIfCurrent(key, worked, articleLoadedIn);
        }
        return worked;
    }

    /**
     * The check and the put are one step against {@link #dropAll}. Put first and removed again
     * when a drop came in between, the old value could be found by a rendering that began after
     * the drop, and that page would then be kept as if it were current.
     */
    private void keepIfCurrent(Key key, Object value, long loadedInGeneration) {
        synchronized (drops) {
            if (generation.get() == loadedInGeneration) {
                kept.put(key, value);
            }
        }
    }

    /** Forgets everything; loads under way are not kept either. */
    public void dropAll() {
        synchronized (drops) {
            generation.incrementAndGet();
            kept.invalidateAll();
        }
    }

    private record Key(String part, String article) {
    }
}
