package jp.kawaraban.editorial;

import jp.kawaraban.platform.Refusal;

/**
 * A file the importer cannot make an article of. Nothing is stored; the wording for editors
 * and operators comes from the message bundle ({@link #messageKey()}, with {@link #detail()}).
 */
public final class ImportException extends Refusal {

    public enum Problem {
        EMPTY,
        /** Larger than {@code kawaraban.editorial.import.max-bytes}; the detail is the limit. */
        TOO_LARGE,
        /** An image, archive or other binary data, not a page. */
        BINARY,
        /** Not UTF-8, no usable charset declared, and no Japanese encoding decodes it cleanly. */
        UNREADABLE_ENCODING,
        /** A page, but no article text on it (a menu, a list of links, an error page). */
        NO_ARTICLE,
        /** Markup nested deeper than a page can be read (thousands of levels), and no article text where it could be. */
        TOO_DEEPLY_NESTED,
        NO_HEADLINE,
        /**
         * Neither an outlet name nor an original address: whose article it is cannot be told.
         * No longer raised by reading (such a page becomes a draft of an unknown outlet); kept
         * because reports written before name it.
         */
        NO_SOURCE,
        /** The original address an operator or editor gave is not an http(s) address; the detail is what was given. */
        BAD_SOURCE_URL,
        /** The site has no section to put an article in: nobody has set it up yet (and it runs without the demo). */
        NO_SECTIONS
    }

    private final Problem problem;
    private final String detail;

    public ImportException(Problem problem, String detail) {
        super(problem == Problem.TOO_LARGE ? Kind.TOO_LARGE : Kind.INVALID, "import.error." + problem.name(),
                detail == null ? new Object[0] : new Object[] {detail});
        this.problem = problem;
        this.detail = detail;
    }

    public ImportException(Problem problem) {
        this(problem, null);
    }

    public Problem problem() {
        return problem;
    }

    public String detail() {
        return detail;
    }

    /** The problem's name: the {@code errorCode} of the import command's output. */
    @Override
    public String code() {
        return problem.name();
    }
}
