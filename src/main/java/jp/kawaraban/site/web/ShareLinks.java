package jp.kawaraban.site.web;

import java.util.List;

import jp.kawaraban.platform.web.PublicUrls;

/**
 * The share bar's targets for one article. Each service's documented share-intent address,
 * given the canonical URL and the headline. LINE comes first: it is where most Japanese readers
 * pass an article on. On a phone whose browser has the Web Share API, the bar also offers the
 * phone's own share sheet ({@code site.js}); the links stay for everyone else.
 */
public final class ShareLinks {

    /** @param service short code used for the icon's CSS class and tests */
    public record Target(String service, String labelKey, String href) {
    }

    private ShareLinks() {
    }

    public static List<Target> forArticle(String canonicalUrl, String title) {
        String url = encode(canonicalUrl);
        String text = encode(title);
        return List.of(
                new Target("line", "share.line", "https://social-plugins.line.me/lineit/share?url=" + url),
                new Target("note", "share.note", "https://note.com/intent/post?url=" + url),
                new Target("x", "share.x", "https://x.com/intent/post?text=" + text + "&url=" + url),
                new Target("facebook", "share.facebook", "https://www.facebook.com/sharer/sharer.php?u=" + url),
                new Target("hatena", "share.hatena",
                        "https://b.hatena.ne.jp/add?mode=confirm&url=" + url + "&title=" + text),
                new Target("linkedin", "share.linkedin", "https://www.linkedin.com/sharing/share-offsite/?url=" + url),
                new Target("bluesky", "share.bluesky", "https://bsky.app/intent/compose?text=" + encode(title + " " + canonicalUrl)));
    }

    /** {@code mailto:} with the headline as subject and the address as the message. */
    public static String mail(String canonicalUrl, String title) {
        return "mailto:?subject=" + encode(title) + "&body=" + encode(title + "\r\n" + canonicalUrl);
    }

    /** Percent-encoding as RFC 3986 wants it: spaces as %20, never '+', which mail clients show literally. */
    static String encode(String value) {
        return PublicUrls.encodePath(value);
    }
}
