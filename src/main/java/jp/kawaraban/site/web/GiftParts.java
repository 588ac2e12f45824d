package jp.kawaraban.site.web;

import org.springframework.security.web.csrf.CsrfToken;

/** The article page's parts for gift articles (decision 0034). */
public final class GiftParts {

    private GiftParts() {
    }

    /**
     * To the reader of a gift link: the article is theirs until a date (with a sign-up offer for
     * one who is not a member), or why the link did not open it.
     *
     * @param open   the link opened the article
     * @param signUp offer signing up and the plans (the reader is not logged in)
     */
    public record Note(boolean open, String message, boolean signUp) {
    }

    /**
     * To a paid member on a paid article: the button that makes a gift link, the gifts left this
     * month, and the gifts of this article already made with how often they were opened.
     */
    public record Offer(String articleId, int left, int given, int opens, CsrfToken csrf) {
    }
}
