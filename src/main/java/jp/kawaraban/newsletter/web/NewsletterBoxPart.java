package jp.kawaraban.newsletter.web;

import java.util.Map;

import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.newsletter.EmailUnlocks;
import jp.kawaraban.platform.web.Fragments;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.site.ArticlePage;
import jp.kawaraban.site.ArticlePageExtension;
import jp.kawaraban.site.ArticlePageParts;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The newsletter sign-up box at the end of an article, for readers who are not logged in; and,
 * on an article editors opened to the email unlock, the same offer inside its paywall box,
 * where a reader held at the preview looks for a way in (decision 0035).
 */
@Component
@Order(40)
class NewsletterBoxPart implements ArticlePageExtension {

    private final Fragments fragments;
    private final Messages msg;
    private final EmailUnlocks unlocks;

    NewsletterBoxPart(Fragments fragments, Messages msg, EmailUnlocks unlocks) {
        this.unlocks = unlocks;
        this.fragments = fragments;
        this.msg = msg;
    }

    @Override
    public ArticlePageParts partsFor(ArticlePage page) {
        if (MemberPrincipal.current().isPresent()) {
            return ArticlePageParts.NONE; // members manage newsletters from their account
        }
        String article = page.article().id().value();
        ArticlePageParts parts = ArticlePageParts.of(ArticlePageParts.Slot.OFFERS, fragments.of("newsletter/tag/newsletterBox",
                Map.of("msg", msg, "articleId", article)));
        if (page.access().previewOnly() && unlocks.isEligible(page.article().id())) {
            parts.add(ArticlePageParts.Slot.PAYWALL, fragments.of("newsletter/tag/paywallUnlock",
                    Map.of("msg", msg, "articleId", article)));
        }
        return parts;
    }
}
