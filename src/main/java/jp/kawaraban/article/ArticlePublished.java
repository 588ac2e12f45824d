package jp.kawaraban.article;

import java.time.Instant;

/** An article became readable. Published after the transaction commits. */
public record ArticlePublished(ArticleId articleId, Instant publishedAt) {
}
