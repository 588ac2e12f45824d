package jp.kawaraban.commentary;

import jp.kawaraban.platform.Refusal;

/**
 * A commentary command that was refused; nothing was stored. Each {@link Problem} has the
 * message key {@code commentary.error.<NAME>}.
 */
public class CommentaryException extends Refusal {

    public enum Problem {
        /** Nothing but white space. */
        BLANK,
        /** Longer than {@link CommentaryProperties#maxCharacters()}. */
        TOO_LONG,
        /** The article is unknown or no longer published. */
        ARTICLE_UNAVAILABLE,
        /** No such commentary (or no longer there). */
        NOT_FOUND,
        /** Someone else's commentary. */
        NOT_AUTHOR,
        /** Not (or no longer) an expert. */
        NOT_EXPERT,
        /** Hiding needs a reason. */
        REASON_REQUIRED,
        /** A profile field is missing or too long. */
        INVALID_PROFILE
    }

    private final Problem problem;

    public CommentaryException(Problem problem) {
        super(switch (problem) {
            case BLANK, TOO_LONG, REASON_REQUIRED, INVALID_PROFILE -> Kind.INVALID;
            case ARTICLE_UNAVAILABLE, NOT_FOUND -> Kind.NOT_FOUND;
            case NOT_AUTHOR, NOT_EXPERT -> Kind.FORBIDDEN;
        }, "commentary.error." + problem.name());
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
