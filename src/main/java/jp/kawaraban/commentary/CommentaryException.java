package jp.kawaraban.commentary;

/**
 * A commentary command that was refused; nothing was stored. Each {@link Problem} has the
 * message key {@code commentary.error.<NAME>}.
 */
public class CommentaryException extends RuntimeException {

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
        super("Commentary refused: " + problem);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public String messageKey() {
        return "commentary.error." + problem.name();
    }
}
