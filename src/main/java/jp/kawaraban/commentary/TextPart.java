package jp.kawaraban.commentary;

/**
 * A piece of a commentary paragraph: plain text, a link (its text is the URL itself) or a
 * line break. Templates escape {@code text} and {@code href} like any other value; nothing
 * in a commentary is ever interpreted as HTML.
 */
public record TextPart(String text, String href, boolean lineBreak) {

    public static final TextPart BREAK = new TextPart("", null, true);

    public static TextPart text(String text) {
        return new TextPart(text, null, false);
    }

    public static TextPart link(String url) {
        return new TextPart(url, url, false);
    }

    public boolean isLink() {
        return href != null;
    }
}
