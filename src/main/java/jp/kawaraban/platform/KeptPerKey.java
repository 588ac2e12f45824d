package jp.kawaraban.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Values a node keeps in memory by key (a member's follows and saves, their gift counts), loaded
 * on first use and forgotten when the module that owns them hears of a change. A value whose load
 * began before a drop may hold the old state: it is used for that request but not kept (a
 * generation counter moves on every drop).
 */
public final class KeptPerKey<K, V> {

    private final Cache<K, V> kept;
    private final AtomicLong generation = new AtomicLong();

    /** At most {@code maxKeys} values, the least recently used going first; none kept past {@code maxAge}. */
    public KeptPerKey(long maxKeys, Duration maxAge) {
        this.kept = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterWrite(maxAge).build();
    }

    /** The kept value if {@code current} says it still holds, else {@code load}ed now (and kept unless a drop crossed the load). */
    public V get(K key, Predicate<V> current, Supplier<V> load) {
        V found = kept.getIfPresent(key);
        if (found != null && current.test(found)) {
            return found;
        }
        long loadedIn = generation.get();
        V loaded = load.get();
        if (generation.get() == loadedIn) {
            kept.put(key, loaded);
            if (generation.get() != loadedIn) {
                kept.asMap().remove(key, loaded); // a drop passed between the check and the put
            }
        }
        return loaded;
    }

    public V get(K key, Supplier<V> load) {
        return get(key, value -> true, load);
    }

    public void drop(K key) {
        generation.incrementAndGet();
        kept.invalidate(key);
    }

    public void dropAll() {
        generation.incrementAndGet();
        kept.invalidateAll();
    }
}
