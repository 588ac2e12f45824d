package jp.kawaraban.text;

import java.util.Objects;

/**
 * A name {@link EntityRecognizer} found, or one a person marked in a training sentence.
 * {@code start} and {@code end} are UTF-16 offsets into the text ({@code end} exclusive);
 * {@code surface} is the text between them.
 */
public record RecognizedName(int start, int end, String surface, NameKind kind) {

    public RecognizedName {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
