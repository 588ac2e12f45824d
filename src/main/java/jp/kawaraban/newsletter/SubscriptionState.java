package jp.kawaraban.newsletter;

/** Where an address stands with one newsletter. */
public enum SubscriptionState {
    /** Asked for, waiting for the mailed link to be used. */
    PENDING,
    /** Receives the newsletter. */
    CONFIRMED,
    /** Stopped by its owner. */
    UNSUBSCRIBED,
    /** Stopped because mail to the address bounced or was reported as spam. */
    SUPPRESSED
}
