package jp.kawaraban.billing.web;

import java.util.List;
import jp.kawaraban.access.Campaign;
import jp.kawaraban.access.Membership;
import jp.kawaraban.access.Plan;
import org.springframework.security.web.csrf.CsrfToken;

/** The plans page. {@code membership} is null for anonymous readers. */
public record PlansView(List<Plan> plans, List<Campaign> campaigns, Membership membership, String notice, boolean error, CsrfToken csrf) {
}
