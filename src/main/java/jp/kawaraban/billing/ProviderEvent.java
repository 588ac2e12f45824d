package jp.kawaraban.billing;

import java.time.Instant;

import jp.kawaraban.access.Plan;
import jp.kawaraban.access.SubscriptionState;
import jp.kawaraban.member.MemberId;

/**
 * One thing a payment provider told us, reduced to what Kawaraban acts on. Providers send
 * many more kinds of event; those are read as {@link Kind#IGNORED} and only acknowledged.
 *
 * @param eventId         the provider's event id; the same id twice is the same event (replays)
 * @param occurredAt      when the provider created the event; an older event than the last one
 *                        applied to a subscription changes nothing (out-of-order delivery)
 * @param member          whose subscription it is; null when the event does not say (then
 *                        {@code customerRef} or {@code subscriptionRef} finds it)
 * @param customerRef     the provider's customer id, or null
 * @param subscriptionRef the provider's subscription id, or null
 * @param plan            the plan paid for, or null when the event does not say
 * @param state           the subscription's state after the event, or null
 * @param periodEnd       the end of the period paid for (or of the provider's trial), or null
 */
public record ProviderEvent(String eventId, Instant occurredAt, Kind kind, MemberId member, String customerRef,
                            String subscriptionRef, Plan plan, SubscriptionState state, Instant periodEnd) {

    public enum Kind {
        /** The member completed checkout: a subscription exists and is paid for (or trialing). */
        CHECKOUT_COMPLETED,
        /** The subscription's state, plan or period changed (renewal, cancellation, payment failure). */
        SUBSCRIPTION_CHANGED,
        /** The subscription ended. */
        SUBSCRIPTION_ENDED,
        /** Anything else: acknowledged, not acted on. */
        IGNORED
    }

    public ProviderEvent {
        if (eventId == null || eventId.isBlank() || occurredAt == null || kind == null) {
            throw new IllegalArgumentException("A provider event needs an id, a time and a kind");
        }
    }
}
