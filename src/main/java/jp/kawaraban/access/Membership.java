package jp.kawaraban.access;

/**
 * A member's standing, for the account page.
 *
 * @param subscription   the paid subscription or trial, or null for the free membership
 * @param paidAccess     whether it gives paid access now
 * @param allowanceLeft  paid articles the member may still open this month; -1 with paid access
 * @param allowance      the monthly allowance of free members
 */
public record Membership(Subscription subscription, boolean paidAccess, int allowanceLeft, int allowance) {
}
