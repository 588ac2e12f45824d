package jp.kawaraban.access;

/** Whether a reader may do an {@link Action}, and if not, why — in words the page and the API both use. */
public record ActionAccess(boolean allowed, Refusal refusal) {

    /**
     * Why not. Each has a message key {@code access.refusal.<name>} (Japanese for readers),
     * shown on the page and returned as problem details by the API with status 403.
     */
    public enum Refusal {
        /** Not logged in: log in (or sign up) first. */
        LOG_IN,
        /** For paid members (and trials) only: subscribe or start a trial. */
        PAID_ONLY,
        /** This account may not do this at all (e.g. commentary is written by experts). */
        NOT_PERMITTED,
        /** A free member's paid articles of this month are spent on other articles. */
        ALLOWANCE_USED,
        /** Allowed, but it failed on our side: try again later. */
        FAILED;

        public String messageKey() {
            return "access.refusal." + name();
        }
    }

    public static ActionAccess allow() {
        return new ActionAccess(true, null);
    }

    public static ActionAccess refuse(Refusal refusal) {
        return new ActionAccess(false, refusal);
    }
}
