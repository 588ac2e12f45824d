package jp.kawaraban.commentary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commentary is plain text: paragraphs separated by blank lines, line breaks kept, and bare
 * {@code http(s)://} addresses turned into links. A link's address may only contain
 * printable ASCII characters that need no quoting in an attribute (no quotes, angle
 * brackets, back-slashes or white space), and templates escape it besides, so no text can
 * add attributes or markup. Japanese text right after an address ends it
 * ({@code https://example.jp/は} links {@code https://example.jp/}).
 */
public final class CommentaryText {

    private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&*+,;=%()]+");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\u3000]*\\n\\s*");
    private static final String TRAILING_PUNCTUATION = ".,;:!?";

    private CommentaryText() {
    }

    /**
     * The text as stored: line ends as {@code \n}, control characters other than line feed and
     * tab removed, surrounding white space stripped.
     */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder clean = new StringBuilder(unified.length());
        unified.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .forEach(clean::appendCodePoint);
        return clean.toString().strip();
    }

    /** The characters a limit counts: code points, so 𠮷 is one character, as readers count. */
    public static int length(String normalised) {
        return normalised.codePointCount(0, normalised.length());
    }

    /** Paragraphs, each a list of parts. */
    public static List<List<TextPart>> paragraphs(String text) {
        List<List<TextPart>> paragraphs = new ArrayList<>();
        for (String paragraph : PARAGRAPH_BREAK.split(normalise(text))) {
            if (paragraph.isBlank()) {
                continue;
            }
            List<TextPart> parts = new ArrayList<>();
            String[] lines = paragraph.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    parts.add(TextPart.BREAK);
                }
                line(lines[i], parts);
            }
            paragraphs.add(List.copyOf(parts));
        }
        return List.copyOf(paragraphs);
    }

    private static void line(String line, List<TextPart> parts) {
        Matcher matcher = URL.matcher(line);
        int at = 0;
        while (matcher.find()) {
            String url = trimEnd(matcher.group());
            int end = matcher.start() + url.length();
            if (url.endsWith("://")) {
                continue; // "http://" alone is no address: it stays text
            }
            if (matcher.start() > at) {
                parts.add(TextPart.text(line.substring(at, matcher.start())));
            }
            parts.add(TextPart.link(url));
            at = end;
        }
        if (at < line.length()) {
            parts.add(TextPart.text(line.substring(at)));
        }
    }

    /** Sentence punctuation after an address is not part of it; nor is an unmatched ')'. */
    private static String trimEnd(String url) {
        String trimmed = url;
        while (!trimmed.isEmpty()) {
            char last = trimmed.charAt(trimmed.length() - 1);
            boolean unmatchedParen = last == ')' && count(trimmed, '(') < count(trimmed, ')');
            boolean unmatchedBracket = last == ']' && count(trimmed, '[') < count(trimmed, ']');
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0 || unmatchedParen || unmatchedBracket) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            } else {
                break;
            }
        }
        return trimmed;
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }
}
