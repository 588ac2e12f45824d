package jp.kawaraban.site.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jp.kawaraban.site.web.AnonymousPageCache.StoredPage;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The generation rule that keeps a page rendered before a change out of the cache after the drop. */
class AnonymousPageCacheTest {

    private final AnonymousPageCache cache = new AnonymousPageCache(
            new PageCacheProperties(true, Duration.ofSeconds(30), DataSize.ofMegabytes(1), 100),
            new jp.kawaraban.site.SharedArticleData(true, 100, Duration.ofSeconds(30)));

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

    private static StoredPage page(String text) {
        return new StoredPage("text/html;charset=UTF-8", Locale.JAPANESE, List.of(), text.getBytes(), "\"x\"");
    }
}
