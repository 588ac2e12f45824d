package jp.kawaraban.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ShareLinksTest {

    private static final String URL = "https://example.jp/articles/abcdefghijkm";
    private static final String TITLE = "米ロ外相 会談";

    @Test
    void everyServiceGetsItsShareIntentWithEncodedUrlAndTitle() {
        Map<String, String> links = ShareLinks.forArticle(URL, TITLE).stream()
                .collect(Collectors.toMap(ShareLinks.Target::service, ShareLinks.Target::href));
        String url = "https%3A%2F%2Fexample.jp%2Farticles%2Fabcdefghijkm";
        String title = "%E7%B1%B3%E3%83%AD%E5%A4%96%E7%9B%B8%20%E4%BC%9A%E8%AB%87";
        assertThat(links).containsExactlyInAnyOrderEntriesOf(Map.of(
                "line", "https://social-plugins.line.me/lineit/share?url=" + url,
                "note", "https://note.com/intent/post?url=" + url,
                "x", "https://x.com/intent/post?text=" + title + "&url=" + url,
                "facebook", "https://www.facebook.com/sharer/sharer.php?u=" + url,
                "hatena", "https://b.hatena.ne.jp/add?mode=confirm&url=" + url + "&title=" + title,
                "linkedin", "https://www.linkedin.com/sharing/share-offsite/?url=" + url,
                "bluesky", "https://bsky.app/intent/compose?text=" + title + "%20" + url));
    }

    @Test
    void mailHasSubjectAndBodyWithSpacesAsPercent20() {
        assertThat(ShareLinks.mail(URL, TITLE)).startsWith("mailto:?subject=%E7%B1%B3")
                .contains("%20").doesNotContain("+")
                .endsWith("%0A" + "https%3A%2F%2Fexample.jp%2Farticles%2Fabcdefghijkm");
    }
}
