package jp.kawaraban.editorial;

import jp.kawaraban.platform.Refusal;

/**
 * A desk change to sections, series or entities that was refused, with the message for the
 * editor (a key of the message bundle and its arguments); nothing was stored.
 * {@link #notFound()} when the thing to change does not exist (a 404), else the input was
 * wrong (a 400).
 */
public class VocabularyException extends Refusal {

    private VocabularyException(String messageKey, Object[] arguments, boolean notFound) {
        super(notFound ? Kind.NOT_FOUND : Kind.INVALID, messageKey, arguments);
    }

    static VocabularyException invalid(String messageKey, Object... arguments) {
        return new VocabularyException(messageKey, arguments, false);
    }

    static VocabularyException notFound(String messageKey, Object... arguments) {
        return new VocabularyException(messageKey, arguments, true);
    }

    public boolean notFound() {
        return kind() == Kind.NOT_FOUND;
    }
}
