package jp.kawaraban.article;

import jp.kawaraban.platform.Refusal;

/**
 * A save started from a version that is no longer the latest: someone saved in between.
 * Nothing was written; the caller shows the editor what changed.
 */
public class EditConflictException extends Refusal {

    private final ArticleId id;
    private final int currentVersion;

    public EditConflictException(ArticleId id, int expectedVersion, int currentVersion) {
        super(Kind.CONFLICT, "editor.conflict.title", id.value(), expectedVersion, currentVersion);
        this.id = id;
        this.currentVersion = currentVersion;
    }

    public ArticleId id() {
        return id;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
