package jp.kawaraban.article;

import java.time.Instant;
import java.util.List;

/** An article as listings show it: no body. */
public record ArticleSummary(
        ArticleId id,
        String headline,
        String lead,
        Section section,
        List<String> keywords,
        AccessLevel accessLevel,
        Instant publishedAt,
        Instant updatedAt) {

    public Instant lastModified() {
        return updatedAt != null ? updatedAt : publishedAt;
    }
}
