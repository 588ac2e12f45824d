package jp.kawaraban.editorial;

import java.util.List;

import jp.kawaraban.article.ArticleId;

/**
 * What an import did with one page.
 *
 * @param stored      the new article (a draft, or published), {@code null} for a dry run or a duplicate
 * @param duplicateOf the article this page was imported as before; then nothing new is stored
 */
public record ImportOutcome(ImportedPage page, ImportMode mode, ArticleId stored, ArticleId duplicateOf) {

    public List<ImportWarning> warnings() {
        return page.warnings();
    }
}
