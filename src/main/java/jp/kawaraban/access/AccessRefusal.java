package jp.kawaraban.access;

import jp.kawaraban.platform.Refusal;

/**
 * Why an administrator's change to plans, campaigns or a member's subscription was refused;
 * worded under {@code access.admin.refusal.<problem>}. Nothing was stored.
 */
public class AccessRefusal extends Refusal {

    public enum Problem {
        NOT_A_PAID_PLAN(Kind.INVALID), INVALID_PLAN_NAME(Kind.INVALID), INVALID_PRICE(Kind.INVALID),
        NEGATIVE_PRICE(Kind.INVALID), INVALID_PRICE_ID(Kind.INVALID), INCLUDES_TOO_LONG(Kind.INVALID),
        INVALID_CAMPAIGN_CODE(Kind.INVALID), INVALID_CAMPAIGN_NAME(Kind.INVALID), INVALID_DATE(Kind.INVALID),
        INVERTED_WINDOW(Kind.INVALID), INVALID_TRIAL_DAYS(Kind.INVALID), NO_PLANS(Kind.INVALID),
        DUPLICATE_CAMPAIGN(Kind.CONFLICT), NO_SUCH_CAMPAIGN(Kind.NOT_FOUND),
        INVALID_EXTENSION(Kind.INVALID), NOT_IN_TRIAL(Kind.CONFLICT), NO_SUBSCRIPTION(Kind.CONFLICT);

        private final Kind kind;

        Problem(Kind kind) {
            this.kind = kind;
        }
    }

    private final Problem problem;

    public AccessRefusal(Problem problem, Object... arguments) {
        super(problem.kind, "access.admin.refusal." + problem.name(), arguments);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    @Override
    public String code() {
        return problem.name();
    }
}
