package jp.kawaraban.billing.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Membership;
import jp.kawaraban.access.Plan;
import jp.kawaraban.access.Plans;
import jp.kawaraban.access.Trials;
import jp.kawaraban.billing.Billing;
import jp.kawaraban.billing.DemoCheckouts;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.FormPage.Link;
import jp.kawaraban.platform.web.FormPage;
import jp.kawaraban.platform.web.FormPages;
import jp.kawaraban.platform.web.JapaneseDates;
import jp.kawaraban.platform.web.LocalPaths;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PublicUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Plans and campaigns: start a trial, pay for a plan, manage payment. */
@Controller
class PlanPages {

    private static final Logger log = LoggerFactory.getLogger(PlanPages.class);

    private final Trials trials;
    private final Plans plans;
    private final Entitlements entitlements;
    private final Billing billing;
    private final DemoCheckouts demoCheckouts;
    private final Accounts accounts;
    private final Messages msg;
    private final FormPages forms;
    private final PublicUrls urls;

    PlanPages(Trials trials, Plans plans, Entitlements entitlements, Billing billing, DemoCheckouts demoCheckouts,
              Accounts accounts, Messages msg, FormPages forms, PublicUrls urls) {
        this.plans = plans;
        this.trials = trials;
        this.entitlements = entitlements;
        this.billing = billing;
        this.demoCheckouts = demoCheckouts;
        this.accounts = accounts;
        this.msg = msg;
        this.forms = forms;
        this.urls = urls;
    }

    @GetMapping("/plans")
    ModelAndView plans(@AuthenticationPrincipal MemberPrincipal principal, HttpServletRequest request, CsrfToken csrf) {
        String notice = request.getParameter("canceled") != null ? msg.get("plans.canceled") : null;
        return page(principal, csrf, notice, false, HttpStatus.OK);
    }

    /**
     * Starts a campaign's trial. From an article's paywall ({@code next}, a local path only),
     * the member goes straight back to that article, now in full.
     */
    @PostMapping("/plans/trial")
    ModelAndView startTrial(@AuthenticationPrincipal MemberPrincipal principal, CsrfToken csrf,
                            @RequestParam(defaultValue = "") String campaign, @RequestParam(required = false) String next) {
        Trials.Outcome outcome = trials.start(principal.id(), campaign);
        String returnTo = LocalPaths.safe(next);
        if (outcome == Trials.Outcome.STARTED && returnTo != null) {
            return new ModelAndView("redirect:" + returnTo);
        }
        if (outcome == Trials.Outcome.STARTED) {
            var trial = entitlements.membership(principal.id()).subscription();
            return page(principal, csrf, msg.get("plans.trial.STARTED",
                    JapaneseDates.readable(trial.trialEndsAt())), false, HttpStatus.OK);
        }
        return page(principal, csrf, msg.get("plans.trial." + outcome.name()), true,
                outcome == Trials.Outcome.UNKNOWN_CAMPAIGN ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT);
    }

    @PostMapping("/billing/checkout")
    ModelAndView checkout(@AuthenticationPrincipal MemberPrincipal principal, CsrfToken csrf,
                          @RequestParam(defaultValue = "") String plan) {
        // Only a plan on sale: one without terms has no price to charge.
        var chosen = Plan.parse(plan).filter(p -> plans.terms(p).isPresent());
        if (chosen.isEmpty()) {
            return page(principal, csrf, msg.get("error.badRequest.body"), true, HttpStatus.BAD_REQUEST);
        }
        try {
            var member = accounts.find(principal.id()).orElseThrow();
            return new ModelAndView("redirect:" + billing.startCheckout(member, chosen.get()));
        } catch (RuntimeException failed) {
            log.warn("Checkout could not start for {}: {}", principal.id(), failed.toString());
            return page(principal, csrf, msg.get("plans.failed"), true, HttpStatus.SERVICE_UNAVAILABLE);
        }
    }

    @PostMapping("/billing/portal")
    ModelAndView portal(@AuthenticationPrincipal MemberPrincipal principal, CsrfToken csrf) {
        try {
            return billing.customerPortal(principal.id()).map(uri -> new ModelAndView("redirect:" + uri))
                    .orElseGet(() -> new ModelAndView("redirect:/plans"));
        } catch (RuntimeException failed) {
            log.warn("Customer portal failed for {}: {}", principal.id(), failed.toString());
            return page(principal, csrf, msg.get("plans.failed"), true, HttpStatus.SERVICE_UNAVAILABLE);
        }
    }

    @GetMapping("/billing/demo/{id}")
    ModelAndView demoCheckout(@AuthenticationPrincipal MemberPrincipal principal, CsrfToken csrf, @PathVariable String id) {
        if (principal == null) {
            return new ModelAndView("redirect:/login?next=/billing/demo/" + PublicUrls.encodePath(id));
        }
        var plan = demoCheckouts.pending(id, principal.id());
        if (plan.isEmpty()) {
            return forms.notice("billing.demo.title", msg.get("billing.demo.gone"), true, HttpStatus.NOT_FOUND);
        }
        var terms = plans.terms(plan.get());
        if (terms.isEmpty()) {
            return forms.notice("billing.demo.title", msg.get("billing.demo.gone"), true, HttpStatus.NOT_FOUND);
        }
        String price = msg.get("plans." + plan.get().name() + ".price", String.format("%,d", terms.get().priceYen()));
        return forms.show(new FormPage(msg.get("billing.demo.title"), msg.get("billing.demo.intro"),
                terms.get().name() + "：" + price, false, "/billing/demo/" + id, List.of(),
                msg.get("billing.demo.submit"), List.of(new Link("/plans?canceled", msg.get("plans.title"))),
                csrf), HttpStatus.OK);
    }

    @PostMapping("/billing/demo/{id}")
    ModelAndView completeDemoCheckout(@AuthenticationPrincipal MemberPrincipal principal, @PathVariable String id) {
        if (principal == null || !demoCheckouts.complete(id, principal.id())) {
            return forms.notice("billing.demo.title", msg.get("billing.demo.gone"), true, HttpStatus.NOT_FOUND);
        }
        return new ModelAndView("redirect:/my/account?paid");
    }

    private ModelAndView page(MemberPrincipal principal, CsrfToken csrf, String notice, boolean error, HttpStatus status) {
        Membership membership = principal == null ? null : entitlements.membership(principal.id());
        // Only the trials this reader could start: none for a paid member or one in a trial.
        var view = new PlansView(plans.offered(), trials.offersFor(principal == null ? null : principal.id()), membership, entitlements.monthlyAllowance(),
                notice, error, principal == null ? null : csrf);
        ModelAndView page = new ModelAndView("billing/plans", Map.of(
                "meta", PageMeta.website(msg.get("plans.title"), msg.get("plans.intro"),
                        urls.url("/plans")),
                "plans", view));
        page.setStatus(status);
        return page;
    }
}
