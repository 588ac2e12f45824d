package jp.kawaraban.newsletter;

/** The answer to a sign-up. {@link #SENT} is also the answer for an address already subscribed. */
public enum SignUpOutcome {
    /** A confirmation mail is on its way (or, for a subscribed address, a note saying so). */
    SENT,
    /** Only for the logged-in owner of the address: nothing to do. */
    ALREADY_SUBSCRIBED,
    INVALID_EMAIL,
    /** No such newsletter, or none chosen. */
    NO_NEWSLETTER,
    /** Too many confirmation mails to this address lately. */
    THROTTLED,
    /** Too many sign-ups of different addresses from this client lately. */
    CLIENT_THROTTLED,
    /** The mail could not be sent; try again later. */
    FAILED
}
