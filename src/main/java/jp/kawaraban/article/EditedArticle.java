package jp.kawaraban.article;

import java.time.Instant;

/**
 * An article as the desk sees it, in any status.
 *
 * @param version    changes with every save; a save names the version it started from, so a
 *                   second editor's save over a newer version is refused, not applied
 * @param revision   how many published versions exist (0 for a draft never published)
 * @param sourceKey  where an imported article came from, or {@code null}
 */
public record EditedArticle(
        ArticleId id,
        ArticleStatus status,
        ArticleContent content,
        int version,
        int revision,
        Instant createdAt,
        Instant editedAt,
        Instant publishedAt,
        Instant scheduledAt,
        Instant updatedAt,
        String updateNote,
        Instant correctedAt,
        String correctionNote,
        Instant withdrawnAt,
        String sourceKey) {

    /** What the desk's list shows: the status, with published articles told apart by their last change. */
    public enum Stage {
        DRAFT, SCHEDULED, PUBLISHED, UPDATED, CORRECTED, WITHDRAWN
    }

    public Stage stage() {
        return stage(status, updatedAt, correctedAt);
    }

    static Stage stage(ArticleStatus status, Instant updatedAt, Instant correctedAt) {
        return switch (status) {
            case DRAFT -> Stage.DRAFT;
            case SCHEDULED -> Stage.SCHEDULED;
            case WITHDRAWN -> Stage.WITHDRAWN;
            case PUBLISHED -> {
                if (correctedAt != null && (updatedAt == null || !correctedAt.isBefore(updatedAt))) {
                    yield Stage.CORRECTED;
                }
                yield updatedAt != null ? Stage.UPDATED : Stage.PUBLISHED;
            }
        };
    }

    public boolean isEditableDraft() {
        return status == ArticleStatus.DRAFT || status == ArticleStatus.SCHEDULED;
    }
}
