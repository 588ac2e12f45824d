package jp.kawaraban.billing.web;

import java.util.Map;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.access.Entitlements;
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
    private final Fragments fragments;
    private final Messages msg;

    AccountPlanSection(Entitlements entitlements, Fragments fragments, Messages msg) {
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
        return fragments.of("billing/tag/accountPlan", Map.of(
                "msg", msg,
                "membership", entitlements.membership(member.id()),
                "csrf", csrf));
    }
}
