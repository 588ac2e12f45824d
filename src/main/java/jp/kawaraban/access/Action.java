package jp.kawaraban.access;

/** Things a reader may do besides reading, each with its own rule in {@link Entitlements}. */
public enum Action {
    /** Follow a series, column, keyword or entity into My News: paid members and trials. */
    FOLLOW,
    /** Save an article: paid members and trials. */
    SAVE_ARTICLE,
    /** Save a single figure (chart): paid members and trials. */
    SAVE_FIGURE,
    /** Read experts' commentary: any member. */
    READ_COMMENTARY,
    /** Write commentary: experts only. */
    WRITE_COMMENTARY
}
