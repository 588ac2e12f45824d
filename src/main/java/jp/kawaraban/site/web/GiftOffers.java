package jp.kawaraban.site.web;

import java.util.Map;

import gg.jte.Content;
import jp.kawaraban.access.GiftCounts;
import jp.kawaraban.access.Gifts;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.Article;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.platform.web.Fragments;
import jp.kawaraban.platform.web.Messages;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The gift button a paid member sees on a paid article, with their gifts left this month and
 * this article's gifts and opens (decision 0034). It differs from one paid member to another,
 * so it is made here for a member known by id: by the normal chain, and by {@link MemberPages}
 * for each request it answers from memory, which kept the page with this part left open
 * (decision 0042) — else the first member's counts would be shown to the others.
 */
@Component
class GiftOffers {

    /** The place the part fills in a paid member's page kept in memory. */
    static final String PLACE = "gift/offer";

    private final Gifts gifts;
    private final Fragments fragments;
    private final Messages msg;

    GiftOffers(Gifts gifts, Fragments fragments, Messages msg) {
        this.gifts = gifts;
        this.fragments = fragments;
        this.msg = msg;
    }

    /** Whether a reader with paid access is offered the button on this article. */
    static boolean offeredOn(Article article) {
        return article.accessLevel() == AccessLevel.PAID;
    }

    /** The button and counts for {@code member}, who has paid access, on a paid article. */
    Content offer(MemberId member, Article article, CsrfToken csrf) {
        return offer(counts(member, article), article, csrf);
    }

    /** What the button shows {@code member}: kept in memory by {@code access}, dropped on their gifts' events. */
    GiftCounts counts(MemberId member, Article article) {
        return gifts.counts(member, article.id());
    }

    /** The button showing {@code counts}: the same for every member with those counts, their token aside. */
    Content offer(GiftCounts counts, Article article, CsrfToken csrf) {
        var offer = new GiftParts.Offer(article.id().value(), counts.left(), counts.given(), counts.opens(), csrf);
        return fragments.of("site/tag/giftOffer", Map.of("msg", msg, "offer", offer));
    }
}
