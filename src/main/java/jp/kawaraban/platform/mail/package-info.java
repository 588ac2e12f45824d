/**
 * Sending mail: the transport every module uses ({@link jp.kawaraban.platform.mail.Postbox}),
 * and the local mailbox shown at {@code /dev/mail} when no mail server is configured.
 */
@org.springframework.modulith.NamedInterface("mail")
package jp.kawaraban.platform.mail;
