package jp.kawaraban.access;

import jp.kawaraban.platform.Refusal;

/**
 * A reader asked for something {@code access} does not allow them (follow, save, read or
 * write commentary). Thrown for handlers marked {@link RequiresAccess} and answered in one place by the site: a page with the reason and the way in, or
 * problem details for the JSON API — 403 either way, whatever the page had offered.
 */
public class ActionRefusedException extends Refusal {

    private final ActionAccess.Refusal refusal;

    public ActionRefusedException(ActionAccess.Refusal refusal) {
        super(refusal == ActionAccess.Refusal.FAILED ? Kind.UNAVAILABLE : Kind.FORBIDDEN, refusal.messageKey());
        this.refusal = refusal;
    }

    public ActionAccess.Refusal refusal() {
        return refusal;
    }

    /** {@code LOG_IN}, {@code PAID_ONLY}…: what apps act on (problem details' {@code refusal}). */
    @Override
    public String code() {
        return refusal.name();
    }

    @Override
    public String titleKey() {
        return "access.refusal.title";
    }
}
