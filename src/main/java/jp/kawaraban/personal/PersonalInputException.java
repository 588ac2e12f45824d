package jp.kawaraban.personal;

/**
 * A follow or save that cannot be done as asked (unknown series or entity, empty or over-long
 * keyword, an article that is not published, a figure the article does not have). Nothing is
 * stored. {@link #messageKey()} names the reader's message; {@link #notFound()} tells 404 from 400.
 */
public class PersonalInputException extends RuntimeException {

    private final String messageKey;
    private final boolean notFound;

    public PersonalInputException(String messageKey, boolean notFound) {
        super(messageKey);
        this.messageKey = messageKey;
        this.notFound = notFound;
    }

    public String messageKey() {
        return messageKey;
    }

    public boolean notFound() {
        return notFound;
    }
}
