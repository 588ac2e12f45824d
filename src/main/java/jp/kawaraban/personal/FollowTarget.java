package jp.kawaraban.personal;

/** Something a page offers to follow: an article's series, one of its keywords or entities. */
public record FollowTarget(FollowKind kind, String value, String label) {

    /** The key pages compare follows by: series and columns share the series code. */
    public String key() {
        return kind.tagKind() + "|" + value;
    }
}
