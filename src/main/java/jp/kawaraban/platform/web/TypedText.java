package jp.kawaraban.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Which characters text from outside may hold: what people type. Control characters (C0 and
 * DEL) are no part of any headline, name or search; PostgreSQL refuses a NUL in text, XML (the
 * feeds, the sitemap) refuses the rest, and half of a surrogate pair cannot be stored as UTF-8.
 * Tabs and line breaks are typed into text areas (an article's body, a commentary), so they
 * are allowed where text is written, never in an address.
 */
public final class TypedText {

    private TypedText() {
    }

    /** Whether {@code text} holds only typed characters; {@code lines}: tabs and line breaks allowed too. */
    public static boolean acceptable(CharSequence text, boolean lines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (!(lines && (c == '\t' || c == '\n' || c == '\r'))) {
                    return false;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text with every character {@link #acceptable(CharSequence, boolean)} refuses (with
     * lines) taken out: for text that arrives in files, where a stray control character is a
     * flaw of the file, not something a person typed.
     */
    public static String withoutControls(String text) {
        if (acceptable(text, true)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                kept.append(c).append(text.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r'
                    || !(c < 0x20 || c == 0x7F || Character.isSurrogate(c))) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /**
     * A percent-encoded part of an address ({@code %E6%97%A5}) as text, or empty when its
     * bytes are not UTF-8 or it holds a character {@link #acceptable(CharSequence, boolean)} refuses.
     *
     * @param plusIsSpace {@code +} stands for a space (a query string), not for itself (a path)
     */
    public static Optional<String> decodeStrictly(String encoded, boolean plusIsSpace, boolean lines) {
        if (encoded.indexOf('%') < 0 && (!plusIsSpace || encoded.indexOf('+') < 0)) {
            return acceptable(encoded, lines) ? Optional.of(encoded) : Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length() * 3);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c == '%') {
                return Optional.empty();
            } else if (c == '+' && plusIsSpace) {
                bytes.put((byte) ' ');
            } else if (c < 0x100) {
                bytes.put((byte) c); // the raw byte, as the request line carried it
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            return acceptable(text, lines) ? Optional.of(text) : Optional.empty();
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
