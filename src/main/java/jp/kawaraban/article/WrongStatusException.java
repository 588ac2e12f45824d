package jp.kawaraban.article;

/** The change does not apply to an article in this status (e.g. scheduling a published one). */
public class WrongStatusException extends RuntimeException {

    private final ArticleStatus status;

    public WrongStatusException(ArticleId id, ArticleStatus status, String change) {
        super("Cannot " + change + " article " + id.value() + ": it is " + status);
        this.status = status;
    }

    public ArticleStatus status() {
        return status;
    }
}
