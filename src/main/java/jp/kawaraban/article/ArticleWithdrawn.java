package jp.kawaraban.article;

import java.time.Instant;

/** An article is no longer readable; copies of it elsewhere (index, feeds) must go. */
public record ArticleWithdrawn(ArticleId articleId, Instant withdrawnAt) {
}
