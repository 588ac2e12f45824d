package jp.kawaraban.personal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jp.kawaraban.platform.web.PublicUrls;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * A follow / unfollow button (personal). Members who may follow get a form that htmx swaps in
 * place; members who may not get the same form without htmx, and the server answers with the
 * refusal page (403, the way to the plans); anonymous readers, whose pages carry no CSRF token
 * and may be cached for everyone, get a link to {@code GET /follows}, which explains (403, log in).
 *
 * @param kind  {@code series}, {@code column}, {@code keyword} or {@code entity}
 * @param back  the page to return to without JavaScript
 * @param compact a chip beside the topic's name (the article page's topics), worded 「フォローする」 /
 *                「フォロー中」 since the name stands next to it; otherwise a button that names the topic
 */
public record FollowButton(String kind, String value, String label, boolean following, boolean allowed,
                           boolean loggedIn, CsrfToken csrf, String back, boolean compact) {

    /** The same button as a chip beside the topic's name. */
    public FollowButton asCompact() {
        return new FollowButton(kind, value, label, following, allowed, loggedIn, csrf, back, true);
    }

    /** The topic's own page: the series (or column), keyword or entity page. */
    public String topicUrl() {
        return switch (kind) {
            case "series", "column" -> "/series/" + PublicUrls.encodePath(value);
            case "keyword" -> "/keywords/" + PublicUrls.encodePath(value);
            default -> "/entities/" + PublicUrls.encodePath(value);
        };
    }

    public String action() {
        return following ? "/follows/remove" : "/follows";
    }

    /** Where an anonymous reader's button leads: the explanation and the way in. */
    public String explainUrl() {
        return "/follows?kind=" + encode(kind) + "&value=" + encode(value);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
