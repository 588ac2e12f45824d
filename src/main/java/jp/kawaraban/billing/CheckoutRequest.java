package jp.kawaraban.billing;

import java.net.URI;
import java.time.Instant;

import jp.kawaraban.access.Plan;
import jp.kawaraban.member.MemberId;

/**
 * What a checkout is for. {@code customerRef} is the provider's customer id when the member
 * has paid before (null otherwise), so a returning member is not created twice.
 * {@code trialEndsAt} is the end of a campaign trial the member is in (null otherwise): the
 * provider charges nothing before it, so paying during a trial keeps the trial's free days.
 */
public record CheckoutRequest(MemberId member, String email, Plan plan, String customerRef, Instant trialEndsAt,
                              URI successUrl, URI cancelUrl) {

    public CheckoutRequest {
        if (member == null || email == null || plan == null || !plan.isPaid()) {
            throw new IllegalArgumentException("A checkout needs a member, an email and a paid plan");
        }
    }
}
