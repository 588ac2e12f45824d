package jp.kawaraban.platform.mail;

import java.util.Map;

/**
 * One message to one recipient. {@code html} may be null for plain-text-only mail;
 * {@code headers} carries extras such as {@code List-Unsubscribe}.
 */
public record MailMessage(String to, String subject, String text, String html, Map<String, String> headers) {

    public MailMessage {
        if (to == null || to.isBlank() || subject == null || text == null) {
            throw new IllegalArgumentException("A message needs a recipient, a subject and a text part");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static MailMessage plain(String to, String subject, String text) {
        return new MailMessage(to, subject, text, null, Map.of());
    }
}
