package jp.kawaraban.platform.mail;

import java.time.Instant;

/** A message as the local mailbox keeps it: when it was "sent", and what. */
public record SentMail(Instant sentAt, MailMessage message) {
}
