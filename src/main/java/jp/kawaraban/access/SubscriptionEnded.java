package jp.kawaraban.access;

import jp.kawaraban.member.MemberId;

/**
 * An administrator ended a member's subscription here. The payment provider still has it
 * ({@code provider}, {@code providerRef}; null for a trial nobody paid for), so {@code billing}
 * cancels it there, after the commit.
 */
public record SubscriptionEnded(MemberId member, String provider, String providerRef) {
}
