package jp.kawaraban.editorial.web;

import java.util.List;

import jp.kawaraban.article.DeskSummary;
import jp.kawaraban.article.PageOf;
import jp.kawaraban.article.Section;
import jp.kawaraban.platform.web.JapaneseDates;

/** The desk's article list with its filters as the editor set them. */
public record EditorArticlesView(PageOf<DeskSummary> articles, List<Section> sections, String stage, String section,
                          String byline, String from, String to, String query, String notice, String pagingQuery) {

    public static String when(DeskSummary summary) {
        return JapaneseDates.readable(summary.editedAt());
    }
}
