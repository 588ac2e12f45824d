package jp.kawaraban.newsletter.web;

import java.util.List;
import java.util.Map;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.member.AccountPageExtension;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.newsletter.Newsletters;
import jp.kawaraban.platform.web.Fragments;
import jp.kawaraban.platform.web.Messages;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The member's newsletters on their account page, with a button each. The buttons post to
 * {@code /my/account/newsletters} ({@link NewsletterPages}), which comes back to the page with
 * its answer in the query ({@code ?newsletter=SENT}).
 */
@Component
class AccountNewsletterSection implements AccountPageExtension {

    private final Newsletters newsletters;
    private final Fragments fragments;
    private final Messages msg;

    AccountNewsletterSection(Newsletters newsletters, Fragments fragments, Messages msg) {
        this.newsletters = newsletters;
        this.fragments = fragments;
        this.msg = msg;
    }

    @Override
    public Slot slot() {
        return Slot.MAIL;
    }

    @Override
    public Content section(MemberPrincipal member, HttpServletRequest request, CsrfToken csrf) {
        String answer = request.getParameter("newsletter");
        String notice = answer != null && answer.matches("[A-Z_]{1,30}") ? msg.get("newsletter.answer." + answer) : null;
        boolean error = notice != null && !List.of("SENT", "ALREADY_SUBSCRIBED", "STOPPED").contains(answer);
        var list = new NewsletterList(newsletters.subscriptionsOf(member.email()), "/my/account/newsletters", null,
                notice, error, csrf);
        return fragments.of("newsletter/tag/accountNewsletters", Map.of("msg", msg, "list", list));
    }
}
