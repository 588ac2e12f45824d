package jp.kawaraban.site.web;

import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.platform.web.JapaneseDates;

/** Small helpers templates use for article summaries. */
public final class Summaries {

    private Summaries() {
    }

    public static String href(ArticleSummary summary) {
        return "/articles/" + summary.id().value();
    }

    public static String published(ArticleSummary summary) {
        return JapaneseDates.readable(summary.publishedAt());
    }

    public static String publishedIso(ArticleSummary summary) {
        return JapaneseDates.iso(summary.publishedAt());
    }
}
