package jp.kawaraban.commentary.web;

import java.util.Map;

import jp.kawaraban.platform.web.Fragments;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.site.ArticlePage;
import jp.kawaraban.site.ArticlePageExtension;
import jp.kawaraban.site.ArticlePageParts;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** 「専門家の見方」 under an article: the experts' commentary this reader may read, and the form for experts. */
@Component
@Order(20)
class CommentaryPart implements ArticlePageExtension {

    private final CommentaryViews views;
    private final Fragments fragments;
    private final Messages msg;

    CommentaryPart(CommentaryViews views, Fragments fragments, Messages msg) {
        this.views = views;
        this.fragments = fragments;
        this.msg = msg;
    }

    @Override
    public ArticlePageParts partsFor(ArticlePage page) {
        return ArticlePageParts.of(ArticlePageParts.Slot.COMMENTARY,
                fragments.of("commentary/tag/commentary", Map.of("msg", msg, "block", views.block(page.article()))));
    }
}
