package jp.kawaraban.article;

import java.time.Instant;

/**
 * A published article as readers see it now.
 *
 * @param updatedAt  when the text last changed after publication, or {@code null}
 * @param updateNote what that update changed, in the editors' words, or {@code null}
 * @param revision   how many versions exist; earlier ones are in {@link ArticleCatalog#revisions}
 */
public record Article(
        ArticleId id,
        ArticleContent content,
        Section section,
        Series series,
        Instant publishedAt,
        Instant updatedAt,
        String updateNote,
        int revision) {

    public String headline() {
        return content.headline();
    }

    public AccessLevel accessLevel() {
        return content.accessLevel();
    }

    /** The moment of the latest change readers should know about: the update, else publication. */
    public Instant lastModified() {
        return updatedAt != null ? updatedAt : publishedAt;
    }
}
