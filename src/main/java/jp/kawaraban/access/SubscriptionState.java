package jp.kawaraban.access;

/**
 * Where a paid subscription or a trial stands, and the access each gives. A member without
 * a subscription row is on the free membership.
 */
public enum SubscriptionState {
    /** A campaign trial: paid access until the trial ends. */
    TRIALING(true),
    ACTIVE(true),
    /** A renewal payment failed; access continues while the provider retries. */
    PAST_DUE(true),
    /** Cancelled by the member: paid access until the end of the period already paid for. */
    CANCELED(true),
    /** Trial or period over: back to the free membership. */
    EXPIRED(false);

    private final boolean paidAccessWhileCurrent;

    SubscriptionState(boolean paidAccessWhileCurrent) {
        this.paidAccessWhileCurrent = paidAccessWhileCurrent;
    }

    /** Whether this state gives paid access before its end date passes. */
    public boolean paidAccessWhileCurrent() {
        return paidAccessWhileCurrent;
    }
}
