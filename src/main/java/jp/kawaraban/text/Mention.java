package jp.kawaraban.text;

import java.util.Objects;

/**
 * A place in a text where {@link MentionFinder} found an entity: the entity's id, the
 * UTF-16 offsets into the original (unfolded) text ({@code end} exclusive) and the words
 * as written there.
 */
public record Mention(String entityId, int start, int end, String surface) {

    public Mention {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(surface, "surface");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
