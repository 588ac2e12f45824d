package jp.kawaraban.access.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Gift;
import jp.kawaraban.access.GiftLink;
import jp.kawaraban.access.GiftRefusal;
import jp.kawaraban.access.Gifts;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * {@code /my/gifts}: a member's gift links (decision 0034) — how often each was opened, until
 * when it opens its article, and a button to revoke it — and the form the article page's
 * 「この記事をプレゼント」 posts to. A new link is shown on the page that post redirects to, the
 * only time it is known (only its hash is kept; it crosses the redirect as a flash attribute); a revoked or expired gift stays listed with its count.
 */
@Controller
class GiftPages {

    /** The flash attribute that carries a new gift's link across the redirect, in the session, once. */
    private static final String MADE = "madeGift";

    private final Gifts gifts;
    private final Entitlements entitlements;
    private final Messages msg;
    private final Clock clock;

    GiftPages(Gifts gifts, Entitlements entitlements, Messages msg, Clock clock) {
        this.gifts = gifts;
        this.entitlements = entitlements;
        this.msg = msg;
        this.clock = clock;
    }

    @GetMapping("/my/gifts")
    ModelAndView page(@AuthenticationPrincipal MemberPrincipal member, CsrfToken csrf, HttpServletRequest request,
                      @RequestParam(required = false) String revoked) {
        var flash = RequestContextUtils.getInputFlashMap(request);
        GiftLink made = flash == null ? null : (GiftLink) flash.get(MADE);
        return page(member, csrf, made, revoked != null ? msg.get("access.gift.revoked") : null, false);
    }

    /** Makes the gift and shows its link on the page it redirects to, once (a reload makes no second gift). */
    @PostMapping("/my/gifts")
    String give(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(defaultValue = "") String articleId,
                RedirectAttributes next) {
        next.addFlashAttribute(MADE, gifts.give(member.id(), articleId));
        return "redirect:/my/gifts";
    }

    @PostMapping("/my/gifts/revoke")
    String revoke(@AuthenticationPrincipal MemberPrincipal member, @RequestParam(defaultValue = "") String gift) {
        gifts.revoke(member.id(), gift);
        return "redirect:/my/gifts?revoked";
    }

    /** A refused gift or revocation is said on the gifts page itself, with the list as it was. */
    @ExceptionHandler(GiftRefusal.class)
    ModelAndView refused(GiftRefusal refusal, @AuthenticationPrincipal MemberPrincipal member, CsrfToken csrf) {
        ModelAndView view = page(member, csrf, null, msg.get(refusal.messageKey(), refusal.arguments()), true);
        view.setStatus(org.springframework.http.HttpStatusCode.valueOf(refusal.kind().status()));
        return view;
    }

    private ModelAndView page(MemberPrincipal member, CsrfToken csrf, GiftLink made, String notice, boolean error) {
        List<Gift> given = gifts.given(member.id());
        boolean paid = entitlements.hasPaidAccess(member.id());
        Map<String, Object> model = new HashMap<>();
        model.put("meta", PageMeta.hidden(msg.get("access.gift.page.title")));
        model.put("view", new GiftsView(given, made, paid ? gifts.leftThisMonth(member.id()) : -1, gifts.perMonth(),
                notice, error, clock.instant(), csrf));
        return new ModelAndView("access/myGifts", model);
    }
}
