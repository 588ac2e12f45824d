package jp.kawaraban.article;

import java.time.Instant;

/** One saved version of an article; revision 1 is the text as first published. */
public record Revision(ArticleId articleId, int number, Instant savedAt, String note, ArticleContent content) {
}
