package jp.kawaraban.site.web;

import java.util.List;

import jp.kawaraban.access.ReadingAccess;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.article.Block;
import jp.kawaraban.site.ArticlePageParts;

/**
 * An article prepared for its page: formatted dates, the part of the body this reader may
 * read ({@link ReadableText}), share links, related articles.
 */
public record ArticleView(
        Article article,
        String canonicalUrl,
        String published,
        String publishedIso,
        String updated,
        String updatedIso,
        List<Block> blocks,
        ReadingAccess access,
        Paywall paywall,
        List<ShareLinks.Target> share,
        String mailto,
        List<ArticleSummary> related,
        /* What other modules add for this reader (commentary, follow and save, recommendations…); none in print. */
        ArticlePageParts parts) {

    public boolean previewOnly() {
        return !access.full();
    }

    public ArticleContent content() {
        return article.content();
    }

    public String printUrl() {
        return "/articles/" + article.id().value() + "/print";
    }
}
