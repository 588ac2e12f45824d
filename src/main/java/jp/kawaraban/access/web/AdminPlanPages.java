package jp.kawaraban.access.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kawaraban.access.AccessRefusal;
import jp.kawaraban.access.Campaign;
import jp.kawaraban.access.Plan;
import jp.kawaraban.access.Plans;
import jp.kawaraban.access.Trials;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.Audited;
import jp.kawaraban.platform.web.JapaneseDates;
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
 * {@code /admin/plans} (administrators only, by the security chain): the paid plans' names,
 * prices, payment-provider price ids and what they include, as {@code /plans} shows them; and
 * the campaigns with their window, trial length and the plans they lead to. A change of price
 * reaches new subscribers only. Every change is audited; a refused one changes nothing and is
 * answered by the site's refusal page in Japanese.
 */
@Controller
class AdminPlanPages {

    private static final Set<String> DONE = Set.of("plan", "campaignCreated", "campaignUpdated");

    private final Plans plans;
    private final Trials trials;
    private final Messages msg;

    AdminPlanPages(Plans plans, Trials trials, Messages msg) {
        this.plans = plans;
        this.trials = trials;
        this.msg = msg;
    }

    static Audited.Actor actor(MemberPrincipal admin) {
        return new Audited.Actor(admin.id().toString(), admin.displayName());
    }

    @GetMapping("/admin/plans")
    ModelAndView page(CsrfToken csrf, @RequestParam(required = false) String done) {
        var rows = Arrays.stream(Plan.values()).filter(Plan::isPaid)
                .map(plan -> new AdminPlansView.PlanRow(plan, plans.terms(plan).orElse(null))).toList();
        String notice = done != null && DONE.contains(done) ? msg.get("admin.plans.done." + done) : null;
        return new ModelAndView("access/adminPlans", Map.of(
                "meta", PageMeta.hidden(msg.get("admin.plans.title")),
                "view", new AdminPlansView(rows, trials.campaigns(), notice, csrf)));
    }

    @PostMapping("/admin/plans/{plan}")
    String savePlan(@AuthenticationPrincipal MemberPrincipal admin, @PathVariable String plan,
                    @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String price,
                    @RequestParam(defaultValue = "") String priceId, @RequestParam(defaultValue = "") String includes) {
        Plan chosen = Plan.parse(plan).filter(Plan::isPaid).orElseThrow(() -> new PageNotFoundException("plan " + plan));
        plans.save(actor(admin), chosen, name, price, priceId, includes);
        return "redirect:/admin/plans?done=plan";
    }

    @PostMapping("/admin/campaigns")
    String createCampaign(@AuthenticationPrincipal MemberPrincipal admin, @RequestParam(defaultValue = "") String code,
                          @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                          @RequestParam(defaultValue = "") String firstDay, @RequestParam(defaultValue = "") String lastDay,
                          @RequestParam(defaultValue = "") String trialDays,
                          @RequestParam(name = "plans", required = false) List<String> leadsTo) {
        trials.createCampaign(actor(admin), campaign(code, name, description, firstDay, lastDay, trialDays, leadsTo));
        return "redirect:/admin/plans?done=campaignCreated";
    }

    @PostMapping("/admin/campaigns/{code}")
    String updateCampaign(@AuthenticationPrincipal MemberPrincipal admin, @PathVariable String code,
                          @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                          @RequestParam(defaultValue = "") String firstDay, @RequestParam(defaultValue = "") String lastDay,
                          @RequestParam(defaultValue = "") String trialDays,
                          @RequestParam(name = "plans", required = false) List<String> leadsTo) {
        trials.updateCampaign(actor(admin), campaign(code, name, description, firstDay, lastDay, trialDays, leadsTo));
        return "redirect:/admin/plans?done=campaignUpdated";
    }

    /**
     * A campaign from the form: open from the start of its first day to the end of its last
     * (Japan time). The rules on its content are {@link Trials}'s; only the reading of the
     * fields is here.
     */
    private static Campaign campaign(String code, String name, String description, String firstDay, String lastDay,
                                     String trialDays, List<String> leadsTo) {
        Instant startsAt = day(firstDay).atStartOfDay(JapaneseDates.TOKYO).toInstant();
        Instant endsAt = day(lastDay).plusDays(1).atStartOfDay(JapaneseDates.TOKYO).toInstant();
        int days;
        try {
            days = Integer.parseInt(trialDays.strip());
        } catch (NumberFormatException notANumber) {
            throw new AccessRefusal(AccessRefusal.Problem.INVALID_TRIAL_DAYS, Trials.MAX_TRIAL_DAYS);
        }
        List<Plan> chosen = leadsTo == null ? List.of()
                : leadsTo.stream().map(Plan::parse).flatMap(java.util.Optional::stream).filter(Plan::isPaid).toList();
        if (chosen.isEmpty()) {
            throw new AccessRefusal(AccessRefusal.Problem.NO_PLANS);
        }
        return new Campaign(code, name, description, startsAt, endsAt, days, chosen);
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException unreadable) {
            throw new AccessRefusal(AccessRefusal.Problem.INVALID_DATE);
        }
    }
}
