package jp.kawaraban.text;

import java.util.Objects;

/** A term {@link Keywords} proposes for an article, with its weight (higher is better). */
public record Keyword(String term, double weight) {

    public Keyword {
        Objects.requireNonNull(term, "term");
    }
}
