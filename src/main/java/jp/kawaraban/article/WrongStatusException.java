package jp.kawaraban.article;

import jp.kawaraban.platform.Refusal;

/** The change does not apply to an article in this status (e.g. scheduling a published one). */
public class WrongStatusException extends Refusal {

    private final ArticleStatus status;

    public WrongStatusException(ArticleId id, ArticleStatus status, String change) {
        // The message names the status as the desk words it ("editor.stage.<STATUS>"), argument 0.
        super(Kind.CONFLICT, "editor.problem.wrongStatus", status.name(), id.value(), change);
        this.status = status;
    }

    public ArticleStatus status() {
        return status;
    }
}
