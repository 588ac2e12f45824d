package jp.kawaraban.article;

/**
 * A save started from a version that is no longer the latest: someone saved in between.
 * Nothing was written; the caller shows the editor what changed.
 */
public class EditConflictException extends RuntimeException {

    private final ArticleId id;
    private final int currentVersion;

    public EditConflictException(ArticleId id, int expectedVersion, int currentVersion) {
        super("Article " + id.value() + " is at version " + currentVersion + ", the save started from " + expectedVersion);
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
