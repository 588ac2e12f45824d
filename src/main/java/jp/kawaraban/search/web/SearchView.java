package jp.kawaraban.search.web;

import jp.kawaraban.article.PageOf;
import jp.kawaraban.search.Search;

/**
 * The search page: the form as submitted, results with snippets, and what helps when there
 * are none.
 *
 * @param suggestionUrl  "did you mean": the same search with names spelled as the vocabulary
 *                       spells them, or null
 * @param notice         a note on what was ignored (a malformed date), or null
 * @param resultsPage    the results as a page, for the pager
 * @param path           the search's address without {@code page}, for the pager
 */
public record SearchView(SearchForm form, Search.Results results, PageOf<Search.Result> resultsPage, String path,
                         String suggestion, String suggestionUrl, String notice, String entityName) {

    /** The form's fields as entered (dates as yyyy-MM-dd). */
    public record SearchForm(String q, String section, String series, String entity, String from, String until,
                             String order) {
    }
}
