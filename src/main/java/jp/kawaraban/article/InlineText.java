package jp.kawaraban.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links inside a block's text, written {@code [label](address)}. Text stays plain: readers'
 * pages split it into parts and escape each one, so no HTML is ever built from article text.
 * An address must be {@code http://}, {@code https://} or a path on this site ({@code /…},
 * not {@code //…}); anything else — {@code javascript:}, {@code data:} — stays text as typed.
 * No address may hold a backslash: browsers read it as a slash, so {@code /\evil.example}
 * would leave the site while looking like one of its paths.
 */
public final class InlineText {

    private static final Pattern LINK = Pattern.compile(
            "\\[([^\\[\\]\\n]+)]\\((https?://[^\\s()<>\"\\\\]+|/(?![/\\\\])[^\\s()<>\"\\\\]*)\\)");

    private InlineText() {
    }

    /** A run of text, and the address it links to ({@code null} for plain text). */
    public record Part(String text, String href) {

        public boolean isLink() {
            return href != null;
        }

        /** Whether the link leaves this site (readers' pages mark those {@code rel="noopener"}). */
        public boolean isExternal() {
            return href != null && !href.startsWith("/");
        }
    }

    public static List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        int at = 0;
        while (link.find()) {
            if (link.start() > at) {
                parts.add(new Part(text.substring(at, link.start()), null));
            }
            parts.add(new Part(link.group(1), link.group(2)));
            at = link.end();
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), null));
        }
        return parts;
    }

    /** The text as read aloud: each link's label, without its address. */
    public static String plain(String text) {
        return text.indexOf('[') < 0 ? text : LINK.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
    }

    /** The links of a text, in order. */
    public static List<Part> links(String text) {
        return parts(text).stream().filter(Part::isLink).toList();
    }
}
