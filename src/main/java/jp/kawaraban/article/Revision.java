package jp.kawaraban.article;

import java.time.Instant;

/**
 * One saved version of a published article; revision 1 is the text as first published.
 *
 * @param note the update note or correction notice readers were shown with it, or {@code null}
 */
public record Revision(ArticleId articleId, int number, Instant savedAt, Kind kind, String note,
                       ArticleContent content) {

    public enum Kind {
        PUBLISH, UPDATE, CORRECTION
    }
}
