package jp.kawaraban.platform.mail;

import java.util.List;

/**
 * The mail "sent" when no SMTP server is configured, kept in the data directory so the demo
 * can show it at {@code /dev/mail}. There is no such bean when mail goes out over SMTP.
 */
public interface LocalMailbox {

    /** The latest messages, newest first. */
    List<SentMail> latest();
}
