package jp.kawaraban.editorial.internal.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kawaraban.editorial.ImportException;
import jp.kawaraban.editorial.ImportException.Problem;
import jp.kawaraban.platform.web.TypedText;

/**
 * Turns an uploaded file's bytes into text, or says why it cannot. Partner pages arrive in
 * UTF-8, Shift_JIS (as Windows writes it) or EUC-JP, often saved without their HTTP header;
 * mail and old pages in ISO-2022-JP; Windows tools save "Unicode" text as UTF-16. So the
 * charset is found in this order: a byte order mark (UTF-8, UTF-16, UTF-32); ISO-2022-JP's
 * escape sequences; UTF-16 or UTF-32 by where their NUL bytes fall; a strict UTF-8 decode
 * (a file cut in the middle of its last character is read without it, and says so); the
 * page's own declaration; then whichever Japanese encoding decodes the bytes without a single
 * error into text that reads as Japanese. The NUL-byte pattern and that last step are guesses,
 * and reported as such. Stray control characters in a readable file are taken out.
 */
final class PageBytes {

    /**
     * What the bytes said; whether the charset was guessed rather than known; whether the file
     * ended in the middle of a character (that last part is left out).
     */
    record Decoded(String text, Charset charset, boolean guessed, boolean cut) {
    }

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final Charset EUC_JP = Charset.forName("EUC-JP");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    /** Mail and old pages write JIS X 0208 with escape sequences; Windows adds its own characters (①, ㈱). */
    private static final List<Charset> ISO_2022_JP = List.of(Charset.forName("ISO-2022-JP"),
            Charset.forName("x-windows-iso2022jp"), Charset.forName("ISO-2022-JP-2"));
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
        Decoded decoded = byteOrderMark(bytes)
                .or(() -> iso2022(bytes))
                .or(() -> wideWithoutMark(bytes))
                .orElse(null);
        if (decoded == null) {
            if (holdsNul(bytes)) {
                throw new ImportException(Problem.BINARY); // NUL bytes in no pattern of UTF-16 or UTF-32
            }
            decoded = utf8(bytes, 0)
                    .or(() -> declared(bytes).flatMap(charset -> strictly(bytes, 0, charset)
                            .map(text -> new Decoded(text, charset, false, false))))
                    .or(() -> guessJapanese(bytes))
                    .orElseThrow(() -> new ImportException(Problem.UNREADABLE_ENCODING));
        }
        if (decoded.text().isBlank()) {
            throw new ImportException(Problem.EMPTY);
        }
        if (controlCharacterShare(decoded.text()) > 0.01) {
            throw new ImportException(Problem.BINARY);
        }
        // A stray control character is a flaw of the file, not part of the story: it goes.
        String clean = TypedText.withoutControls(decoded.text().replace('\f', '\n'));
        return new Decoded(clean, decoded.charset(), decoded.guessed(), decoded.cut());
    }

    /** Images, archives, PDFs and office files by their first bytes. */
    private static boolean looksBinary(byte[] bytes) {
        return startsWith(bytes, 0x89, 'P', 'N', 'G') || startsWith(bytes, 'P', 'K', 3, 4) || startsWith(bytes, 'G', 'I', 'F', '8')
                || startsWith(bytes, 0xFF, 0xD8, 0xFF) || startsWith(bytes, '%', 'P', 'D', 'F') || startsWith(bytes, 0x1F, 0x8B)
                || startsWith(bytes, 'R', 'I', 'F', 'F') || startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)
                || startsWith(bytes, '7', 'z', 0xBC, 0xAF);
    }

    private static boolean holdsNul(byte[] bytes) {
        int scan = Math.min(bytes.length, 8192);
        for (int i = 0; i < scan; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** A byte order mark says the encoding outright (UTF-32 before UTF-16: its little-endian mark begins the same). */
    private static Optional<Decoded> byteOrderMark(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE, 0, 0)) {
            return wide(bytes, 4, UTF_32LE, 4, false);
        }
        if (startsWith(bytes, 0, 0, 0xFE, 0xFF)) {
            return wide(bytes, 4, UTF_32BE, 4, false);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return wide(bytes, 2, StandardCharsets.UTF_16LE, 2, false);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return wide(bytes, 2, StandardCharsets.UTF_16BE, 2, false);
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return Optional.of(utf8(bytes, 3).orElseThrow(() -> new ImportException(Problem.UNREADABLE_ENCODING)));
        }
        return Optional.empty();
    }

    /**
     * UTF-16 and UTF-32 without a mark, by where their NUL bytes fall: markup, digits and line
     * breaks are ASCII, which UTF-16 writes with a NUL before (big-endian) or after
     * (little-endian) each, and UTF-32 with two or three. Reported as a guess.
     */
    private static Optional<Decoded> wideWithoutMark(byte[] bytes) {
        int scan = Math.min(bytes.length, 8192) & ~3;
        int[] zeros = new int[4];
        for (int i = 0; i < scan; i++) {
            if (bytes[i] == 0) {
                zeros[i % 4]++;
            }
        }
        int units = scan / 4;
        if (units == 0 || zeros[0] + zeros[1] + zeros[2] + zeros[3] == 0) {
            return Optional.empty();
        }
        if (zeros[0] == units && zeros[1] >= units * 0.9) {
            return wide(bytes, 0, UTF_32BE, 4, true);
        }
        if (zeros[3] == units && zeros[2] >= units * 0.9) {
            return wide(bytes, 0, UTF_32LE, 4, true);
        }
        int even = zeros[0] + zeros[2];
        int odd = zeros[1] + zeros[3];
        if (even > 3 * odd && even >= units / 50 + 1) {
            return wide(bytes, 0, StandardCharsets.UTF_16BE, 2, true);
        }
        if (odd > 3 * even && odd >= units / 50 + 1) {
            return wide(bytes, 0, StandardCharsets.UTF_16LE, 2, true);
        }
        return Optional.empty();
    }

    /** Units of two or four bytes from {@code offset}; an incomplete last unit is a cut file. */
    private static Optional<Decoded> wide(byte[] bytes, int offset, Charset charset, int unit, boolean guessed) {
        int whole = (bytes.length - offset) / unit * unit;
        Optional<String> text = strictly(bytes, offset, whole, charset);
        boolean cut = whole < bytes.length - offset;
        if (text.isEmpty() && whole >= unit && charset.name().startsWith("UTF-16")) {
            // The last unit may be the first half of a surrogate pair whose second half was cut off.
            text = strictly(bytes, offset, whole - unit, charset);
            cut = text.isPresent();
        }
        boolean wasCut = cut;
        return text.map(t -> new Decoded(t, charset, guessed, wasCut));
    }

    /** ISO-2022-JP: seven-bit bytes switching to JIS X 0208 with {@code ESC $ B} (or {@code ESC $ @}). */
    private static Optional<Decoded> iso2022(byte[] bytes) {
        boolean escaped = false;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return Optional.empty();
            }
            if (bytes[i] == 0x1B && i + 2 < bytes.length && bytes[i + 1] == '$' && (bytes[i + 2] == 'B' || bytes[i + 2] == '@')) {
                escaped = true;
            }
        }
        if (!escaped) {
            return Optional.empty();
        }
        for (Charset charset : ISO_2022_JP) {
            Optional<String> text = strictly(bytes, 0, bytes.length, charset);
            if (text.isPresent()) {
                return Optional.of(new Decoded(text.get(), charset, false, false));
            }
        }
        return Optional.empty();
    }

    /**
     * Strict UTF-8 from {@code offset}; a file cut in the middle of its last character (a
     * lead byte with fewer continuation bytes than it announces) is read without that part.
     */
    private static Optional<Decoded> utf8(byte[] bytes, int offset) {
        Optional<String> whole = strictly(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
        if (whole.isPresent()) {
            return Optional.of(new Decoded(whole.get(), StandardCharsets.UTF_8, false, false));
        }
        for (int tail = 1; tail <= 3 && bytes.length - tail > offset; tail++) {
            int lead = bytes[bytes.length - tail] & 0xFF;
            int length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
            if (length == 0) {
                if (lead >= 0x80 && lead <= 0xBF) {
                    continue; // a continuation byte: the lead is further back
                }
                return Optional.empty();
            }
            if (tail >= length) {
                return Optional.empty();
            }
            return strictly(bytes, offset, bytes.length - tail - offset, StandardCharsets.UTF_8)
                    .map(text -> new Decoded(text, StandardCharsets.UTF_8, false, true));
        }
        return Optional.empty();
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

    private static Optional<String> strictly(byte[] bytes, int offset, Charset charset) {
        return strictly(bytes, offset, bytes.length - offset, charset);
    }

    private static Optional<String> strictly(byte[] bytes, int offset, int length, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString());
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
                best = new Decoded(text.get(), charset, true, false);
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
