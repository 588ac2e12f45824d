package jp.kawaraban.search;

import java.time.Instant;
import java.util.List;

import jp.kawaraban.article.ArticleId;

/**
 * An article like another, with what they share (entity ids and keywords) so the reason can
 * be shown, e.g. 「共通: プーチン, 停戦交渉」.
 */
public record Similar(ArticleId id, float score, Instant publishedAt, List<String> sharedEntityIds,
                      List<String> sharedKeywords) {
}
