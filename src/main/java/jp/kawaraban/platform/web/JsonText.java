package jp.kawaraban.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a JSON body's strings are {@link TypedText typed text}. JSON writes control
 * characters and surrogates as escapes ({@code \u0000}, {@code \b}, {@code \uD800}), so the
 * escapes are read too; a body that is not UTF-8 at all is refused with them.
 */
final class JsonText {

    private JsonText() {
    }

    static boolean acceptable(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
        StringBuilder unescaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                unescaped.append(c);
                continue;
            }
            char escape = text.charAt(++i);
            switch (escape) {
                case 'b' -> unescaped.append('\b');
                case 'f' -> unescaped.append('\f');
                case 'n' -> unescaped.append('\n');
                case 'r' -> unescaped.append('\r');
                case 't' -> unescaped.append('\t');
                case 'u' -> {
                    if (i + 4 >= text.length()) {
                        return true; // not JSON: the parser says so
                    }
                    try {
                        unescaped.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException notAnEscape) {
                        return true; // likewise
                    }
                    i += 4;
                }
                default -> unescaped.append(escape == '\\' ? "\\\\" : String.valueOf(escape));
            }
        }
        return TypedText.acceptable(unescaped, true);
    }
}
