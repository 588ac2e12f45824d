package jp.kawaraban.personal.web;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * "Save article" (personal), or "save figure" when {@code imageId} is set; the same three
 * forms as {@link FollowButton}: htmx for members who may save, a plain form answered by the
 * refusal page for those who may not, a link that explains for anonymous readers.
 */
public record SaveButton(String articleId, String imageId, boolean saved, boolean allowed, boolean loggedIn,
                         CsrfToken csrf, String back) {

    public boolean figure() {
        return imageId != null;
    }

    public String action() {
        String base = figure() ? "/saves/figures" : "/saves/articles";
        return saved ? base + "/remove" : base;
    }

    public String explainUrl() {
        return figure() ? "/saves/figures" : "/saves/articles";
    }

    /** The id of the element htmx swaps: unique per button on a page. */
    public String elementId() {
        return figure() ? "save-figure-" + imageId.replaceAll("[^A-Za-z0-9_-]", "-") : "save-article-" + articleId;
    }
}
