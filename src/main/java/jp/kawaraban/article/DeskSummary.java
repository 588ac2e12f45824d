package jp.kawaraban.article;

import java.time.Instant;
import java.util.List;

/** One line of the desk's article list. */
public record DeskSummary(
        ArticleId id,
        String headline,
        ArticleStatus status,
        Section section,
        List<String> bylines,
        Instant editedAt,
        Instant publishedAt,
        Instant scheduledAt,
        Instant updatedAt,
        Instant correctedAt,
        boolean partner) {

    public EditedArticle.Stage stage() {
        return EditedArticle.stage(status, updatedAt, correctedAt);
    }
}
