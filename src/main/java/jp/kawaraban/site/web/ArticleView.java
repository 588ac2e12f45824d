package jp.kawaraban.site.web;

import java.util.List;

import jp.kawaraban.access.ReadingAccess;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.article.Block;

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
        List<RecommendedArticle> recommended,
        /* 「専門家の見方」 for this reader; null in the print view, which never shows commentary. */
        CommentaryBlock commentary,
        ArticlePersonal personal) {

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
