package jp.kawaraban.search.web;

import java.util.List;

import jp.kawaraban.article.ArticleSummary;

/** A recommended article with what it shares with the one being read. */
public record RecommendedArticle(ArticleSummary summary, List<String> reasons) {
}
