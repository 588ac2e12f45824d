package jp.kawaraban.search;

import java.time.Instant;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleId;

/**
 * One result. {@code text} is what the snippet may be cut from: the body when the reader
 * may read it, otherwise the preview. Never both.
 */
public record SearchHit(ArticleId id, float score, String headline, String lead, String text, String sectionCode,
                        AccessLevel accessLevel, Instant publishedAt) {
}
