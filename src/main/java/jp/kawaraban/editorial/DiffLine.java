package jp.kawaraban.editorial;

/** One line of a comparison of two versions. */
public record DiffLine(Kind kind, String text) {

    public enum Kind {
        SAME, REMOVED, ADDED
    }
}
