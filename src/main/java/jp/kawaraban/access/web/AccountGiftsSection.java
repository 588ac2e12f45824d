package jp.kawaraban.access.web;

import java.util.Map;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Gifts;
import jp.kawaraban.member.AccountPageExtension;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.Fragments;
import jp.kawaraban.platform.web.Messages;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The way to {@code /my/gifts} from the account page, beside the plan: for members with paid
 * access, who may give (decision 0034). A member without it has nothing to give; they still
 * reach their old gifts from an article's 「プレゼント」 line or by the address.
 */
@Component
class AccountGiftsSection implements AccountPageExtension {

    private final Entitlements entitlements;
    private final Gifts gifts;
    private final Fragments fragments;
    private final Messages msg;

    AccountGiftsSection(Entitlements entitlements, Gifts gifts, Fragments fragments, Messages msg) {
        this.entitlements = entitlements;
        this.gifts = gifts;
        this.fragments = fragments;
        this.msg = msg;
    }

    @Override
    public Slot slot() {
        return Slot.MEMBERSHIP;
    }

    @Override
    public Content section(MemberPrincipal member, HttpServletRequest request, CsrfToken csrf) {
        if (!entitlements.hasPaidAccess(member.id())) {
            return null;
        }
        return fragments.of("access/tag/accountGifts", Map.of("msg", msg,
                "left", String.valueOf(gifts.leftThisMonth(member.id())), "perMonth", String.valueOf(gifts.perMonth())));
    }
}
