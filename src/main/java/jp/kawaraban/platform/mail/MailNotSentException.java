package jp.kawaraban.platform.mail;

/** The mail server refused the message or could not be reached. */
public class MailNotSentException extends RuntimeException {

    public MailNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
