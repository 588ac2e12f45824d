package jp.kawaraban.personal;

import jp.kawaraban.platform.Refusal;

/**
 * A follow or save that cannot be done as asked (unknown series or entity, empty or over-long
 * keyword, an article that is not published, a figure the article does not have). Nothing is
 * stored. {@link #messageKey()} names the reader's message; {@link #notFound()} tells 404 from 400.
 */
public class PersonalInputException extends Refusal {

    public PersonalInputException(String messageKey, boolean notFound) {
        super(notFound ? Kind.NOT_FOUND : Kind.INVALID, messageKey);
    }

    public boolean notFound() {
        return kind() == Kind.NOT_FOUND;
    }

    /** The key's last part ({@code unknownEntity}), as the API has always named it. */
    @Override
    public String code() {
        return messageKey().substring(messageKey().lastIndexOf('.') + 1);
    }

    @Override
    public String titleKey() {
        return "personal.problem.title";
    }
}
