package jp.kawaraban.access.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kawaraban.access.AccessRefusal;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Plans;
import jp.kawaraban.access.SubscriptionDesk;
import jp.kawaraban.member.CustomerDesk;
import jp.kawaraban.member.Member;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PageNotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /admin/members} (administrators only, by the security chain): the customer desk.
 * Find a member by part of their address; see their plan, subscription and its history,
 * trials and devices; extend a trial, end a subscription, send the verification mail again.
 * In {@code access} because the subscription is what most of it is about; the account's part
 * comes from {@code member}'s {@link CustomerDesk}.
 */
@Controller
class AdminMemberPages {

    private static final Set<String> DONE = Set.of("trialExtended", "ended", "verificationSent");

    private final CustomerDesk customers;
    private final SubscriptionDesk subscriptions;
    private final Entitlements entitlements;
    private final Plans plans;
    private final Messages msg;

    AdminMemberPages(CustomerDesk customers, SubscriptionDesk subscriptions, Entitlements entitlements, Plans plans,
                     Messages msg) {
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.entitlements = entitlements;
        this.plans = plans;
        this.msg = msg;
    }

    @GetMapping("/admin/members")
    ModelAndView search(@RequestParam(defaultValue = "") String q) {
        String query = q.strip();
        List<AdminMemberView.Found> found = customers.search(query).stream()
                .map(member -> new AdminMemberView.Found(member, standing(member.id()))).toList();
        return new ModelAndView("access/adminMembers", Map.of(
                "meta", PageMeta.hidden(msg.get("admin.members.title")),
                "query", query,
                "tooShort", !query.isEmpty() && query.length() < CustomerDesk.MIN_QUERY,
                "found", found,
                "limited", found.size() >= CustomerDesk.MAX_RESULTS));
    }

    @GetMapping("/admin/members/{id}")
    ModelAndView member(@PathVariable String id, CsrfToken csrf, @RequestParam(required = false) String done) {
        MemberId member = id(id);
        var account = customers.find(member).orElseThrow(() -> new PageNotFoundException("member " + id));
        var membership = entitlements.membership(member);
        var terms = membership.subscription() == null ? null
                : plans.terms(membership.subscription().plan()).orElse(null);
        String notice = done != null && DONE.contains(done) ? msg.get("admin.members.done." + done) : null;
        var view = new AdminMemberView(account, membership, terms, subscriptions.history(member),
                subscriptions.trialsTaken(member), customers.devices(member), SubscriptionDesk.MAX_EXTENSION_DAYS,
                notice, csrf);
        return new ModelAndView("access/adminMember", Map.of(
                "meta", PageMeta.hidden(msg.get("admin.members.memberTitle", account.member().email())),
                "view", view));
    }

    @PostMapping("/admin/members/{id}/extend-trial")
    String extendTrial(@AuthenticationPrincipal MemberPrincipal admin, @PathVariable String id,
                       @RequestParam(defaultValue = "") String days) {
        int count;
        try {
            count = Integer.parseInt(days.strip());
        } catch (NumberFormatException notANumber) {
            throw new AccessRefusal(AccessRefusal.Problem.INVALID_EXTENSION, SubscriptionDesk.MAX_EXTENSION_DAYS);
        }
        subscriptions.extendTrial(AdminPlanPages.actor(admin), id(id), count);
        return "redirect:/admin/members/" + id + "?done=trialExtended";
    }

    @PostMapping("/admin/members/{id}/end-subscription")
    String end(@AuthenticationPrincipal MemberPrincipal admin, @PathVariable String id) {
        subscriptions.end(AdminPlanPages.actor(admin), id(id));
        return "redirect:/admin/members/" + id + "?done=ended";
    }

    @PostMapping("/admin/members/{id}/resend-verification")
    String resendVerification(@AuthenticationPrincipal MemberPrincipal admin, @PathVariable String id) {
        customers.resendVerification(AdminPlanPages.actor(admin), id(id));
        return "redirect:/admin/members/" + id + "?done=verificationSent";
    }

    private String standing(MemberId member) {
        var subscription = entitlements.membership(member).subscription();
        return subscription == null ? msg.get("account.page.plan.FREE")
                : msg.get("admin.members.standing", subscription.plan().name(), subscription.state().name());
    }

    private static MemberId id(String id) {
        return MemberId.parse(id).orElseThrow(() -> new PageNotFoundException("member " + id));
    }
}
