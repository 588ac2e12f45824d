package jp.kawaraban.editorial;

import java.util.Arrays;

/**
 * A desk change to sections, series or entities that was refused, with the message for the
 * editor (a key of the message bundle and its arguments); nothing was stored.
 * {@link #notFound()} when the thing to change does not exist (a 404), else the input was
 * wrong (a 400).
 */
public class VocabularyException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;
    private final boolean notFound;

    private VocabularyException(String messageKey, Object[] arguments, boolean notFound) {
        super(messageKey + " " + Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
        this.notFound = notFound;
    }

    static VocabularyException invalid(String messageKey, Object... arguments) {
        return new VocabularyException(messageKey, arguments, false);
    }

    static VocabularyException notFound(String messageKey, Object... arguments) {
        return new VocabularyException(messageKey, arguments, true);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public boolean notFound() {
        return notFound;
    }
}
