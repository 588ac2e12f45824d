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
 * {@code priceRef} is the provider's id of the plan's price as an administrator set it
 * ({@code access.PlanTerms}); null or blank for the one in the provider's settings.
 */
public record CheckoutRequest(MemberId member, String email, Plan plan, String customerRef, Instant trialEndsAt,
                              URI successUrl, URI cancelUrl, String priceRef) {

    /** With the provider's configured price of the plan. */
    public CheckoutRequest(MemberId member, String email, Plan plan, String customerRef, Instant trialEndsAt,
                           URI successUrl, URI cancelUrl) {
        this(member, email, plan, customerRef, trialEndsAt, successUrl, cancelUrl, null);
    }

    public CheckoutRequest {
        if (member == null || email == null || plan == null || !plan.isPaid()) {
            throw new IllegalArgumentException("A checkout needs a member, an email and a paid plan");
        }
    }
}
