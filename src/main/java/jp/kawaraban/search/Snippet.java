package jp.kawaraban.search;

import java.util.List;

/**
 * A piece of an article's text around the words searched for, as parts to render: the
 * template escapes each part and marks the matches, so no HTML is built from article text.
 */
public record Snippet(List<Part> parts) {

    public record Part(String text, boolean match) {
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }
}
