package jp.kawaraban.member;

import jp.kawaraban.platform.Refusal;

/**
 * Why an administrator's change to an account, or an invitation link, was refused; worded
 * under {@code staff.refusal.<problem>}. Nothing was stored.
 */
public class StaffRefusal extends Refusal {

    public enum Problem {
        INVALID_EMAIL(Kind.INVALID), INVALID_NAME(Kind.INVALID), WEAK_PASSWORD(Kind.INVALID),
        /** Only EDITOR, EXPERT and ADMIN are granted; every account is a member. */
        NOT_A_STAFF_ROLE(Kind.INVALID),
        /** The change would leave no administrator who can log in. */
        LAST_ADMINISTRATOR(Kind.CONFLICT),
        NO_SUCH_MEMBER(Kind.NOT_FOUND),
        /** The invitation link is unknown, used or expired. */
        INVALID_LINK(Kind.INVALID),
        /** Verification is sent to accounts whose address is not confirmed yet. */
        ALREADY_VERIFIED(Kind.CONFLICT);

        private final Kind kind;

        Problem(Kind kind) {
            this.kind = kind;
        }
    }

    private final Problem problem;

    public StaffRefusal(Problem problem, Object... arguments) {
        super(problem.kind, "staff.refusal." + problem.name(), arguments);
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
