package jp.kawaraban.personal;

import java.util.Locale;
import java.util.Optional;

/** What can be followed. A series and a column both match an article's series code. */
public enum FollowKind {
    SERIES, COLUMN, KEYWORD, ENTITY;

    /** The kind of article tag this follow matches. */
    public String tagKind() {
        return this == COLUMN ? SERIES.name() : name();
    }

    /** From a form or URL ({@code series}, {@code column}, {@code keyword}, {@code entity}); empty when unknown. */
    public static Optional<FollowKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (FollowKind kind : values()) {
            if (kind.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The lower-case name used in forms, URLs and JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
