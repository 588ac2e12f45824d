package jp.kawaraban.editorial.web;

import java.util.List;

import jp.kawaraban.article.Series;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * {@code /editor/series} (every series and column, and a form to add one) and
 * {@code /editor/series/{code}} (one of them in an edit form).
 *
 * @param editing the series being edited, or null on the list page
 * @param form    what the form shows: the editor's input after a refusal, else the stored values
 */
public record EditorSeriesView(List<Series> series, Series editing, Form form, String notice, boolean error,
                               CsrfToken csrf) {

    public record Form(String code, String name, String kind, String description) {

        public static final Form EMPTY = new Form("", "", "SERIES", "");

        static Form of(Series series) {
            return new Form(series.code(), series.name(), series.kind().name(),
                    series.description() == null ? "" : series.description());
        }
    }
}
