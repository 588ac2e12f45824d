package jp.kawaraban.site;

import jp.kawaraban.access.ReadingAccess;
import jp.kawaraban.article.Article;

/**
 * The article page being made for this request's reader, as the modules that add to it see it.
 *
 * @param access       what this reader may read of it (decided by {@code access}, once per view)
 * @param canonicalUrl the article's public address
 */
public record ArticlePage(Article article, ReadingAccess access, String canonicalUrl) {

    /** The page's own path, where a form on it sends the reader back to. */
    public String path() {
        return "/articles/" + article.id().value();
    }
}
