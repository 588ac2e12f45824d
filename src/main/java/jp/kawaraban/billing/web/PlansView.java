package jp.kawaraban.billing.web;

import java.util.List;
import java.util.stream.Collectors;

import jp.kawaraban.access.Campaign;
import jp.kawaraban.access.Membership;
import jp.kawaraban.access.Plan;
import jp.kawaraban.access.PlanTerms;
import org.springframework.security.web.csrf.CsrfToken;

/** The plans page: the paid plans on sale as administrators set them. {@code membership} is null for anonymous readers. */
public record PlansView(List<PlanTerms> plans, List<Campaign> campaigns, Membership membership, int freeMonthlyPaidArticles,
                        String notice, boolean error, CsrfToken csrf) {

    /** The names of the plans a campaign leads to, as on sale now. */
    public String planNames(Campaign campaign) {
        return campaign.plans().stream().map(plan -> plans.stream().filter(terms -> terms.plan() == plan)
                .map(PlanTerms::name).findFirst().orElse(plan.name())).collect(Collectors.joining("・"));
    }

    /** Whether the member pays for this plan already. */
    public boolean current(Plan plan) {
        return membership != null && membership.paidAccess() && membership.subscription() != null
                && membership.subscription().plan() == plan && membership.subscription().paymentOnFile();
    }
}
