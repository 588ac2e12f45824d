package jp.kawaraban.article;

/** Who an article is written for. Deciding who may read it is the {@code access} module's job. */
public enum AccessLevel {
    /** Anyone. */
    FREE,
    /** Any logged-in member. */
    MEMBERS,
    /** Paid and trial members. */
    PAID;

    public boolean isFree() {
        return this == FREE;
    }
}
