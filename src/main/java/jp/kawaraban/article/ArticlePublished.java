package jp.kawaraban.article;

import java.time.Instant;

import jp.kawaraban.platform.NodeWideEvent;

/** An article became readable. Published after the transaction commits. */
public record ArticlePublished(ArticleId articleId, Instant publishedAt) implements NodeWideEvent {
}
