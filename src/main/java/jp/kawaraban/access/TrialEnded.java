package jp.kawaraban.access;

import jp.kawaraban.member.MemberId;

/**
 * A member's trial came to its end and the minute job settled it: {@code converted} when a
 * payment method was on file and the subscription is now paid, otherwise paid access is over.
 * Published in the transaction that changed the subscription, so it is heard once, on the
 * node that settled it, however many nodes run the job.
 */
public record TrialEnded(MemberId member, boolean converted) {
}
