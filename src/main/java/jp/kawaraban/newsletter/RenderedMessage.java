package jp.kawaraban.newsletter;

import java.util.Map;

/** One personalised message, ready to hand to the mail server. */
public record RenderedMessage(String fromName, String fromAddress, String to, String subject, String text, String html,
                              Map<String, String> headers) {
}
