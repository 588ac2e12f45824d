package jp.kawaraban.access;


/**
 * A reader asked for something {@code access} does not allow them (follow, save, read or
 * write commentary). Thrown for handlers marked {@link RequiresAccess} and answered in one place by the site: a page with the reason and the way in, or
 * problem details for the JSON API — 403 either way, whatever the page had offered.
 */
public class ActionRefusedException extends RuntimeException {

    private final ActionAccess.Refusal refusal;

    public ActionRefusedException(ActionAccess.Refusal refusal) {
        super("Refused: " + refusal);
        this.refusal = refusal;
    }

    public ActionAccess.Refusal refusal() {
        return refusal;
    }
}
