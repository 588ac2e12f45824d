package jp.kawaraban.platform.mail;

/**
 * Where outgoing mail goes: an SMTP server when {@code spring.mail.host} is set, otherwise
 * files in the data directory that the demo shows at {@code /dev/mail}.
 */
public interface Postbox {

    /** @throws MailNotSentException when the message could not be handed over */
    void send(MailMessage message);
}
