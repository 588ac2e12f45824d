package jp.kawaraban.platform.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Interface wording for templates and controllers. Readers are Japanese first, so the
 * Japanese bundle ({@code messages_ja.properties}) is the one every page is rendered from;
 * {@code messages.properties} holds the English fallback.
 */
@Component
public class Messages {

    public static final Locale READER_LOCALE = Locale.JAPANESE;

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String key, Object... args) {
        return source.getMessage(key, args, READER_LOCALE);
    }
}
