package jp.kawaraban.personal;

import java.util.List;

import jp.kawaraban.article.ArticleSummary;

/** One article in My News, the follows it came through, and whether the member has opened it. */
public record NewsItem(ArticleSummary article, List<Follow> reasons, boolean unread) {
}
