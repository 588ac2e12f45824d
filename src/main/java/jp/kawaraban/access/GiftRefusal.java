package jp.kawaraban.access;

import jp.kawaraban.platform.Refusal;

/**
 * Why a gift link was not made or not revoked; worded under {@code access.gift.refusal.<problem>}.
 * Nothing was stored and no gift of the month was used.
 */
public class GiftRefusal extends Refusal {

    public enum Problem {
        /** Gifts are for paid members and trials: they pass on what they pay for. */
        NOT_A_PAID_MEMBER(Kind.FORBIDDEN),
        /** A free or members-only article: anyone can read it already (with a free account at most). */
        NOT_A_PAID_ARTICLE(Kind.INVALID),
        MONTHLY_LIMIT(Kind.CONFLICT),
        /** Never existed, or withdrawn. */
        NO_SUCH_ARTICLE(Kind.NOT_FOUND),
        /** Not one of this member's gifts. */
        NO_SUCH_GIFT(Kind.NOT_FOUND);

        private final Kind kind;

        Problem(Kind kind) {
            this.kind = kind;
        }
    }

    private final Problem problem;

    public GiftRefusal(Problem problem, Object... arguments) {
        super(problem.kind, "access.gift.refusal." + problem.name(), arguments);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    @Override
    public String code() {
        return problem.name();
    }

    @Override
    public String titleKey() {
        return "access.gift.refusal.title";
    }
}
