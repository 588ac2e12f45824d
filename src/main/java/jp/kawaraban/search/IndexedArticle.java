package jp.kawaraban.search;

import java.time.Instant;
import java.util.List;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleId;

/**
 * An article as the search index holds it: its text, what it is filed under, and what
 * the text analysis found in it.
 *
 * @param body          the whole body as plain text (searched; shown in snippets only to
 *                      readers entitled to the article)
 * @param preview       the opening readers not entitled to the article may see
 * @param entityIds     entities mentioned, by id
 * @param keywords      the editor's keywords and the extracted ones
 * @param duplicateKey  the same story filed twice (e.g. a partner's copy) shares this key
 */
public record IndexedArticle(ArticleId id, String headline, String lead, String body, String preview,
                             String sectionCode, String seriesCode, AccessLevel accessLevel, Instant publishedAt,
                             List<String> entityIds, List<String> keywords, String duplicateKey) {

    public IndexedArticle {
        entityIds = List.copyOf(entityIds);
        keywords = List.copyOf(keywords);
    }

    /** The article's readable text, as {@link ArticleContent#plainText()} makes it. */
    public String plainText() {
        return ArticleContent.plainText(headline, lead, body);
    }
}
