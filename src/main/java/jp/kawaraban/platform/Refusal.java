package jp.kawaraban.platform;

import java.util.Arrays;
import java.util.Map;

/**
 * Why the application did not do what was asked: the input was wrong, the thing does not
 * exist, the asker may not, or it clashes with a change made in between. A refusal, not a
 * failure — nothing was stored, and the asker can act on the reason.
 * <p>
 * Every module's refusals extend this one type, so the reason always travels the same way: a
 * {@link Kind} (which becomes the HTTP status), a message-bundle key with its arguments (which
 * the web layer words in Japanese) and, for apps, a stable {@link #code()}. A controller that
 * shows the reason on its own form catches its module's subtype; whatever it lets through is
 * answered in one place by the site — a Japanese page, or RFC 9457 problem details under
 * {@code /api/}.
 */
public abstract class Refusal extends RuntimeException {

    /** What kind of "no" it is; each maps to one HTTP status. */
    public enum Kind {
        INVALID(400), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), TOO_LARGE(413), UNSUPPORTED_TYPE(415),
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] arguments;

    protected Refusal(Kind kind, String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.kind = kind;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public Kind kind() {
        return kind;
    }

    /** The message bundle key of the reason, worded for the person who asked. */
    public String messageKey() {
        return messageKey;
    }

    /** The values the message names (a limit, a name), in its placeholders' order. */
    public Object[] arguments() {
        return arguments.clone();
    }

    /** The message bundle key of a short title for the reason (problem details' {@code title}). */
    public String titleKey() {
        return "refusal.title." + kind.name();
    }

    /** A stable name of the reason for apps (problem details' {@code error}), or null where apps need none. */
    public String code() {
        return null;
    }

    /** More for apps, as extra members of the problem details (the parameter at fault, say). */
    public Map<String, Object> details() {
        return Map.of();
    }
}
