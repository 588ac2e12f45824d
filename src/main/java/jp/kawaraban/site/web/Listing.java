package jp.kawaraban.site.web;

import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.article.PageOf;

/**
 * A listing page (section, series, keyword): heading, optional description, one page of
 * articles and the path its pager links to.
 */
public record Listing(String kindLabel, String heading, String description, PageOf<ArticleSummary> page,
                      String path) {
}
