package jp.kawaraban.article;

import java.time.Instant;

import jp.kawaraban.platform.NodeWideEvent;

/** A published article's text changed; {@code revision} is the new version's number. */
public record ArticleUpdated(ArticleId articleId, int revision, Instant updatedAt) implements NodeWideEvent {
}
