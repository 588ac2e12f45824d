package jp.kawaraban.billing;

import java.net.URI;

import jp.kawaraban.access.Plan;
import jp.kawaraban.member.MemberId;

/**
 * What a checkout is for. {@code customerRef} is the provider's customer id when the member
 * has paid before (null otherwise), so a returning member is not created twice.
 */
public record CheckoutRequest(MemberId member, String email, Plan plan, String customerRef,
                              URI successUrl, URI cancelUrl) {

    public CheckoutRequest {
        if (member == null || email == null || plan == null || !plan.isPaid()) {
            throw new IllegalArgumentException("A checkout needs a member, an email and a paid plan");
        }
    }
}
