package jp.kawaraban.newsletter.web;

import java.util.Map;

import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.Fragments;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.site.ArticlePage;
import jp.kawaraban.site.ArticlePageExtension;
import jp.kawaraban.site.ArticlePageParts;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The newsletter sign-up box at the end of an article, for readers who are not logged in. */
@Component
@Order(40)
class NewsletterBoxPart implements ArticlePageExtension {

    private final Fragments fragments;
    private final Messages msg;

    NewsletterBoxPart(Fragments fragments, Messages msg) {
        this.fragments = fragments;
        this.msg = msg;
    }

    @Override
    public ArticlePageParts partsFor(ArticlePage page) {
        if (MemberPrincipal.current().isPresent()) {
            return ArticlePageParts.NONE; // members manage newsletters from their account
        }
        return ArticlePageParts.of(ArticlePageParts.Slot.OFFERS, fragments.of("newsletter/tag/newsletterBox",
                Map.of("msg", msg, "articleId", page.article().id().value())));
    }
}
