package jp.kawaraban.editorial.internal.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kawaraban.editorial.ImportException;
import jp.kawaraban.editorial.ImportException.Problem;

/**
 * Turns an uploaded file's bytes into text, or says why it cannot. Partner pages arrive in
 * UTF-8, Shift_JIS (as Windows writes it) or EUC-JP, often saved without their HTTP header,
 * so the charset is found in this order: a strict UTF-8 decode, the page's own declaration,
 * then whichever Japanese encoding decodes the bytes without a single error into text that
 * reads as Japanese. Only that last step is a guess, and it is reported as one.
 */
final class PageBytes {

    /** What the bytes said, and whether the charset was guessed rather than known. */
    record Decoded(String text, Charset charset, boolean guessed) {
    }

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final Charset EUC_JP = Charset.forName("EUC-JP");
    private static final Pattern DECLARED = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    private PageBytes() {
    }

    static Decoded decode(byte[] bytes, long maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ImportException(Problem.EMPTY);
        }
        if (bytes.length > maxBytes) {
            throw new ImportException(Problem.TOO_LARGE, Long.toString(maxBytes));
        }
        if (looksBinary(bytes)) {
            throw new ImportException(Problem.BINARY);
        }
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        Optional<String> utf8 = strictly(bytes, start, StandardCharsets.UTF_8);
        Decoded decoded;
        if (utf8.isPresent()) {
            decoded = new Decoded(utf8.get(), StandardCharsets.UTF_8, false);
        } else {
            decoded = declared(bytes).flatMap(charset -> strictly(bytes, 0, charset).map(text -> new Decoded(text, charset, false)))
                    .or(() -> guessJapanese(bytes))
                    .orElseThrow(() -> new ImportException(Problem.UNREADABLE_ENCODING));
        }
        if (decoded.text().isBlank()) {
            throw new ImportException(Problem.EMPTY);
        }
        if (controlCharacterShare(decoded.text()) > 0.01) {
            throw new ImportException(Problem.BINARY);
        }
        return decoded;
    }

    /**
     * Images, archives, PDFs and office files by their first bytes; anything else holding NUL
     * bytes is no text file either (UTF-16 pages are not accepted: no partner sends them).
     */
    private static boolean looksBinary(byte[] bytes) {
        if (startsWith(bytes, 0x89, 'P', 'N', 'G') || startsWith(bytes, 'P', 'K', 3, 4) || startsWith(bytes, 'G', 'I', 'F', '8')
                || startsWith(bytes, 0xFF, 0xD8, 0xFF) || startsWith(bytes, '%', 'P', 'D', 'F') || startsWith(bytes, 0x1F, 0x8B)
                || startsWith(bytes, 'R', 'I', 'F', 'F') || startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)
                || startsWith(bytes, '7', 'z', 0xBC, 0xAF)) {
            return true;
        }
        int scan = Math.min(bytes.length, 8192);
        for (int i = 0; i < scan; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return startsWith(bytes, 0xEF, 0xBB, 0xBF);
    }

    private static Optional<String> strictly(byte[] bytes, int offset, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** A {@code <meta charset>} or {@code http-equiv} declaration in the first few kilobytes (read as ASCII). */
    private static Optional<Charset> declared(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher declaration = DECLARED.matcher(head);
        if (!declaration.find()) {
            return Optional.empty();
        }
        String name = declaration.group(1).toLowerCase(Locale.ROOT);
        // Pages that say Shift_JIS are written by Windows software: its superset decodes them.
        if (name.equals("shift_jis") || name.equals("sjis") || name.equals("x-sjis") || name.equals("shift-jis")) {
            return Optional.of(WINDOWS_31J);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return Optional.empty();
        }
    }

    /**
     * Shift_JIS and EUC-JP bytes are often both decodable; the wrong one yields half-width
     * katakana and rare kanji where the right one yields hiragana. So both are decoded
     * strictly and the text with more hiragana wins.
     */
    private static Optional<Decoded> guessJapanese(byte[] bytes) {
        Decoded best = null;
        double bestScore = 0.05;
        for (Charset charset : new Charset[] {WINDOWS_31J, EUC_JP}) {
            Optional<String> text = strictly(bytes, 0, charset);
            if (text.isEmpty()) {
                continue;
            }
            double score = hiraganaShare(text.get());
            if (score > bestScore) {
                bestScore = score;
                best = new Decoded(text.get(), charset, true);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Hiragana among the non-ASCII characters: high in any Japanese prose. */
    private static double hiraganaShare(String text) {
        long nonAscii = 0;
        long hiragana = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7F) {
                nonAscii++;
                if (c >= '\u3041' && c <= '\u309F') {
                    hiragana++;
                }
            }
        }
        return nonAscii == 0 ? 0 : (double) hiragana / nonAscii;
    }

    private static double controlCharacterShare(String text) {
        long control = text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f').count();
        return (double) control / text.length();
    }
}
