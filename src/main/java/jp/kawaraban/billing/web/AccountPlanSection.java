package jp.kawaraban.billing.web;

import java.util.Map;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.PlanTerms;
import jp.kawaraban.access.Plans;
import jp.kawaraban.member.AccountPageExtension;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.Fragments;
import jp.kawaraban.platform.web.Messages;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The plan on the member's account page: plan, trial and renewal, the month's allowance, and
 * the ways to {@code /plans} or the payment provider's customer portal.
 */
@Component
class AccountPlanSection implements AccountPageExtension {

    private final Entitlements entitlements;
    private final Plans plans;
    private final Fragments fragments;
    private final Messages msg;

    AccountPlanSection(Entitlements entitlements, Plans plans, Fragments fragments, Messages msg) {
        this.plans = plans;
        this.entitlements = entitlements;
        this.fragments = fragments;
        this.msg = msg;
    }

    @Override
    public Slot slot() {
        return Slot.MEMBERSHIP;
    }

    @Override
    public Content section(MemberPrincipal member, HttpServletRequest request, CsrfToken csrf) {
        var membership = entitlements.membership(member.id());
        var subscription = membership.subscription();
        // What this member pays: the price they signed up at, not today's (a trial has none yet: today's).
        Integer price = subscription == null ? null : subscription.priceYen() != null ? subscription.priceYen()
                : plans.terms(subscription.plan()).map(PlanTerms::priceYen).orElse(null);
        return fragments.of("billing/tag/accountPlan", Map.of(
                "msg", msg,
                "membership", membership,
                "price", price == null ? "—" : String.format("%,d", price),
                "csrf", csrf));
    }
}
