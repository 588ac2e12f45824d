package jp.kawaraban.access;

import java.time.Instant;

import jp.kawaraban.member.MemberId;

/**
 * A member's paid subscription or trial.
 *
 * @param trialEndsAt   end of a campaign trial, or null
 * @param periodEndsAt  end of the period paid for (renewal or, when canceled, end of access), or null
 * @param paymentOnFile the member added payment, so a trial becomes a paid subscription when it ends
 * @param priceYen      what the member agreed to pay per period, fixed when they added payment (a
 *                      later change of the plan's price leaves it alone); null before that
 */
public record Subscription(MemberId member, Plan plan, SubscriptionState state, String campaignCode,
                           Instant trialEndsAt, Instant periodEndsAt, boolean paymentOnFile, String provider,
                           String providerRef, Integer priceYen) {

    /** Without a price: the ledger fixes it when the subscription is saved ({@link SubscriptionLedger}). */
    public Subscription(MemberId member, Plan plan, SubscriptionState state, String campaignCode, Instant trialEndsAt,
                        Instant periodEndsAt, boolean paymentOnFile, String provider, String providerRef) {
        this(member, plan, state, campaignCode, trialEndsAt, periodEndsAt, paymentOnFile, provider, providerRef, null);
    }

    public Subscription withPrice(Integer price) {
        return new Subscription(member, plan, state, campaignCode, trialEndsAt, periodEndsAt, paymentOnFile, provider,
                providerRef, price);
    }

    /**
     * When the paid access it gives ends by the clock alone: the trial's end, a canceled
     * subscription's period end; null when only a change of state (the provider's word, an
     * administrator) ends it. Meaningful only while {@link #givesPaidAccess} holds.
     */
    public Instant paidAccessEnds() {
        return switch (state) {
            case TRIALING -> trialEndsAt;
            case CANCELED -> periodEndsAt;
            default -> null;
        };
    }

    /** Whether it gives paid access at {@code now}: the state allows it and its end has not passed. */
    public boolean givesPaidAccess(Instant now) {
        if (!state.paidAccessWhileCurrent()) {
            return false;
        }
        return switch (state) {
            case TRIALING -> trialEndsAt != null && now.isBefore(trialEndsAt);
            case CANCELED -> periodEndsAt != null && now.isBefore(periodEndsAt);
            default -> true; // active and past due last until the provider says otherwise
        };
    }
}
