package jp.kawaraban.site.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jp.kawaraban.site.SharedArticleData;
import jp.kawaraban.site.web.AnonymousPageCache.Lookup;
import jp.kawaraban.site.web.AnonymousPageCache.StoredPage;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generation rule that keeps a page rendered before a change out of the cache after the drop,
 * and the one rendering that readers asking for the same page at once share.
 */
class AnonymousPageCacheTest {

    private final AnonymousPageCache cache = new AnonymousPageCache(
            new PageCacheProperties(true, Duration.ofSeconds(30), DataSize.ofMegabytes(1), Duration.ofSeconds(2), 100),
            new SharedArticleData(true, 100, Duration.ofSeconds(30)), null);

    @Test
    void aPageRenderedBeforeADropIsNotKept() {
        long renderingBegan = cache.generation();
        cache.dropAll(); // the article changed while the page was being rendered
        cache.keep("/articles/x", renderingBegan, page("古い版"));

        assertThat(cache.find("/articles/x")).isNull();
    }

    @Test
    void aPageRenderedAfterTheDropIsKept() {
        cache.dropAll();
        long renderingBegan = cache.generation();
        cache.keep("/articles/x", renderingBegan, page("新しい版"));

        assertThat(cache.find("/articles/x")).isNotNull();
        cache.dropAll();
        assertThat(cache.find("/articles/x")).isNull();
    }

    @Test
    void readersAskingForAPageBeingRenderedWaitForThatRendering() throws Exception {
        Lookup first = cache.lookUp("/");
        Lookup second = cache.lookUp("/");
        assertThat(first).isInstanceOf(Lookup.Render.class);
        assertThat(second).isInstanceOf(Lookup.Await.class);

        StoredPage rendered = page("トップ");
        cache.finish("/", (Lookup.Render) first, rendered);

        assertThat(((Lookup.Await) second).rendering().get(1, TimeUnit.SECONDS)).isSameAs(rendered);
        assertThat(cache.lookUp("/")).isEqualTo(new Lookup.Send(rendered));
    }

    @Test
    void afterADropNobodyWaitsForARenderingBegunBefore() {
        Lookup before = cache.lookUp("/articles/x");
        cache.dropAll();

        Lookup after = cache.lookUp("/articles/x");

        assertThat(after).isInstanceOf(Lookup.Render.class);
        cache.finish("/articles/x", (Lookup.Render) before, page("古い版"));
        assertThat(cache.find("/articles/x")).isNull();
        cache.finish("/articles/x", (Lookup.Render) after, page("新しい版"));
        assertThat(new String(cache.find("/articles/x").body())).isEqualTo("新しい版");
    }

    @Test
    void aPageThatCannotBeKeptLetsTheWaitingRenderItThemselves() throws Exception {
        Lookup first = cache.lookUp("/articles/y");
        Lookup.Await second = (Lookup.Await) cache.lookUp("/articles/y");

        cache.finish("/articles/y", (Lookup.Render) first, null);

        assertThat(second.rendering().get(1, TimeUnit.SECONDS)).isNull();
        assertThat(cache.lookUp("/articles/y")).isInstanceOf(Lookup.Render.class);
    }

    @Test
    void aPagePastItsAgeIsSentWhileOneReaderRendersItAgain() {
        AtomicLong now = new AtomicLong();
        AnonymousPageCache aging = new AnonymousPageCache(
                new PageCacheProperties(true, Duration.ofSeconds(30), DataSize.ofMegabytes(1), Duration.ofSeconds(2), 100),
                new SharedArticleData(true, 100, Duration.ofSeconds(30)), null, now::get);
        StoredPage old = page("一つ前");
        aging.finish("/", (Lookup.Render) aging.lookUp("/"), old);
        now.addAndGet(Duration.ofSeconds(31).toNanos());

        Lookup renderer = aging.lookUp("/");
        Lookup meanwhile = aging.lookUp("/");

        assertThat(renderer).isInstanceOf(Lookup.Render.class);
        assertThat(meanwhile).isEqualTo(new Lookup.Send(old));
    }

    private static StoredPage page(String text) {
        return new StoredPage("text/html;charset=UTF-8", Locale.JAPANESE, List.of(), text.getBytes(), "\"x\"");
    }
}
