package jp.kawaraban.article;

import java.time.Instant;

/**
 * A published article as readers see it now.
 *
 * @param updatedAt  when the text last changed after publication, or {@code null}
 * @param updateNote what that update changed, in the editors' words, or {@code null}
 * @param revision   how many versions exist; earlier ones are in {@link ArticleCatalog#revisions}
 * @param correctedAt    when the latest correction was made, or {@code null}
 * @param correctionNote the correction notice readers are shown, or {@code null}
 */
public record Article(
        ArticleId id,
        ArticleContent content,
        Section section,
        Series series,
        Instant publishedAt,
        Instant updatedAt,
        String updateNote,
        int revision,
        Instant correctedAt,
        String correctionNote) {

    public String headline() {
        return content.headline();
    }

    public AccessLevel accessLevel() {
        return content.accessLevel();
    }

    /** The moment of the latest change readers should know about: publication, update or correction. */
    public Instant lastModified() {
        Instant latest = updatedAt != null && updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
        return correctedAt != null && correctedAt.isAfter(latest) ? correctedAt : latest;
    }
}
