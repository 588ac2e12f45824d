package jp.kawaraban.editorial;

/** What an import does with the page once it is read. */
public enum ImportMode {
    /** Stores a draft readers do not see; an editor publishes it later. */
    DRAFT,
    /** Publishes the page as it is, with its own publication date (archive migration). */
    PUBLISH,
    /** Reads the page and reports what would be stored; stores nothing. */
    DRY_RUN
}
