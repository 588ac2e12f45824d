package jp.kawaraban.site.web;

import java.util.List;

import jp.kawaraban.article.Article;
import jp.kawaraban.article.Block;

/**
 * The part of an article's body that may leave the server. Until the {@code access} module
 * knows who is entitled, nobody is: members-only and paid articles show their opening only,
 * on every path (page, print view, API). The one place this rule lives, so the paths cannot
 * drift apart.
 */
final class ReadableText {

    private ReadableText() {
    }

    static boolean isPreviewOnly(Article article) {
        return !article.accessLevel().isFree();
    }

    static List<Block> blocks(Article article, int previewCharacters) {
        return isPreviewOnly(article) ? article.content().body().opening(previewCharacters)
                : article.content().body().blocks();
    }
}
