package jp.kawaraban.billing;

/** A webhook that must not be acted on: bad signature, stale timestamp, unreadable payload. */
public class InvalidWebhookException extends RuntimeException {

    public InvalidWebhookException(String message) {
        super(message);
    }

    public InvalidWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
