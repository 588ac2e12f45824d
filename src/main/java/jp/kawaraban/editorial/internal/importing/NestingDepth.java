package jp.kawaraban.editorial.internal.importing;

import java.util.Locale;
import java.util.Set;

/**
 * How deep a page's elements nest, counted in one pass over its markup before it is parsed:
 * a start tag opens a level, an end tag closes one. Elements that need no end tag ({@code br},
 * {@code img}) and those the page may leave open because the next one closes them
 * ({@code p}, {@code li}, {@code td}…) open none, so old pages written without end tags are
 * not counted deep. Comments, scripts and styles are skipped.
 */
final class NestingDepth {

    private static final Set<String> OPENS_NO_LEVEL = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody",
            "tfoot", "option", "optgroup", "rt", "rp", "colgroup", "caption", "html", "head", "body");

    private NestingDepth() {
    }

    static int of(String html) {
        int depth = 0;
        int deepest = 0;
        int i = 0;
        int length = html.length();
        while ((i = html.indexOf('<', i)) >= 0 && i + 1 < length) {
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? length : end + 3;
                continue;
            }
            boolean closing = html.charAt(i + 1) == '/';
            int nameStart = closing ? i + 2 : i + 1;
            int nameEnd = nameStart;
            while (nameEnd < length && Character.isLetterOrDigit(html.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == nameStart || !Character.isLetter(html.charAt(nameStart))) {
                i++;
                continue; // not a tag: "<" in text, "<!doctype", "<?xml"
            }
            String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            int tagEnd = html.indexOf('>', nameEnd);
            if (tagEnd < 0) {
                break;
            }
            if (!closing && (name.equals("script") || name.equals("style"))) {
                i = endTag(html, name, tagEnd);
                continue;
            }
            if (!OPENS_NO_LEVEL.contains(name)) {
                if (closing) {
                    depth = Math.max(0, depth - 1);
                } else if (html.charAt(tagEnd - 1) != '/') {
                    deepest = Math.max(deepest, ++depth);
                }
            }
            i = tagEnd + 1;
        }
        return deepest;
    }

    /** Where {@code </name} starts after {@code from}, in any case; the end of the text if nowhere. */
    private static int endTag(String html, String name, int from) {
        for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
            if (html.regionMatches(true, i + 2, name, 0, name.length())) {
                return i;
            }
        }
        return html.length();
    }
}
