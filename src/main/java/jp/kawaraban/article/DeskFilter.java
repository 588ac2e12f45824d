package jp.kawaraban.article;

import java.time.LocalDate;

/**
 * What the desk's list is narrowed to; every field may be {@code null} for "any".
 *
 * @param byline a name, matched against any byline
 * @param from   first day (Japan time) of the last edit, inclusive
 * @param to     last day (Japan time) of the last edit, inclusive
 * @param text   words found in the headline or lead
 */
public record DeskFilter(EditedArticle.Stage stage, String sectionCode, String byline, LocalDate from, LocalDate to,
                         String text) {

    public static final DeskFilter ALL = new DeskFilter(null, null, null, null, null, null);

    public DeskFilter {
        sectionCode = blankToNull(sectionCode);
        byline = blankToNull(byline);
        text = blankToNull(text);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
