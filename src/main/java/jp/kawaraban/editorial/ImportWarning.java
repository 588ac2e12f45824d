package jp.kawaraban.editorial;

/**
 * Something the importer had to guess or leave out; the draft is still made, and the editor
 * should look at it. Worded for editors by the message bundle ({@link #messageKey()}).
 *
 * @param detail what the wording names (a charset, a section, a count), or {@code null}
 */
public record ImportWarning(Kind kind, String detail) {

    public enum Kind {
        /** The bytes declared no charset and were not UTF-8; the named one decoded cleanly. */
        ENCODING_GUESSED,
        NO_PUBLISHED_DATE,
        /** Publishing a page without a date: it is published as of the import. */
        PUBLISHED_AT_IMPORT_TIME,
        /** No byline on the page: the outlet is credited instead. */
        BYLINE_FROM_OUTLET,
        /**
         * No outlet name, no original address, and none given: the draft is marked
         * {@link ImportedPage#UNKNOWN_OUTLET} and cannot be published until an editor names it.
         */
        OUTLET_UNKNOWN,
        /** Asked to publish a page of an unknown outlet: it was stored as a draft instead. */
        KEPT_AS_DRAFT,
        /** No outlet name on the page: the original address's host stands for it. */
        OUTLET_FROM_ADDRESS,
        NO_ORIGINAL_URL,
        /** No section hint on the page: the named default was used. */
        SECTION_DEFAULTED,
        /** No structural hint: the section was guessed from the words of the story. */
        SECTION_FROM_WORDS,
        /** The original sits behind its outlet's paywall: the text may stop early, and it is imported as paid. */
        PAYWALLED_ORIGINAL,
        IMAGES_LEFT_OUT,
        /** No article element or structured data: the body was found by where the text is dense. */
        BODY_FOUND_BY_DENSITY,
        /** The file ended in the middle of a character: read without it, and its text may end early. */
        CUT_OFF_AT_END,
        /** A livedoor corpus file whose second line should be its date and is not; the detail is that line. */
        DATE_LINE_UNREADABLE
    }

    public ImportWarning(Kind kind) {
        this(kind, null);
    }

    public String messageKey() {
        return "import.warning." + kind.name();
    }
}
