package jp.kawaraban.article;

import java.time.Instant;

import jp.kawaraban.platform.NodeWideEvent;

/** An article is no longer readable; copies of it elsewhere (index, feeds) must go. */
public record ArticleWithdrawn(ArticleId articleId, Instant withdrawnAt) implements NodeWideEvent {
}
