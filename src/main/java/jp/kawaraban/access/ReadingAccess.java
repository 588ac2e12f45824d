package jp.kawaraban.access;

/**
 * Whether a reader may read an article's whole body, and if not, what would let them.
 *
 * @param full           the whole body may be shown
 * @param gate           what stands in the way when not {@code full}
 * @param allowanceLeft  for a free member and a paid article: paid articles left this month
 *                       (after this one, when it is read from the allowance); -1 when no
 *                       allowance applies
 * @param byUnlock       granted by a proof the browser carries (an email unlock) rather than
 *                       by who the reader is: such a page is this browser's own, never cached
 */
public record ReadingAccess(boolean full, Gate gate, int allowanceLeft, boolean byUnlock) {

    public enum Gate {
        /** Nothing: the reader may read it all. */
        NONE,
        /** A members-only article: any account will do. */
        LOG_IN,
        /** A paid article: a subscription or trial is needed (or log in, if the reader has one). */
        SUBSCRIBE
    }

    public static ReadingAccess granted() {
        return new ReadingAccess(true, Gate.NONE, -1, false);
    }

    public static ReadingAccess grantedFromAllowance(int left) {
        return new ReadingAccess(true, Gate.NONE, left, false);
    }

    public static ReadingAccess unlocked() {
        return new ReadingAccess(true, Gate.NONE, -1, true);
    }

    public static ReadingAccess refused(Gate gate, int allowanceLeft) {
        return new ReadingAccess(false, gate, allowanceLeft, false);
    }

    public boolean previewOnly() {
        return !full;
    }

    /** A free member who may spend one of the month's paid articles on this one, if they ask to. */
    public boolean mayUseAllowance() {
        return !full && gate == Gate.SUBSCRIBE && allowanceLeft > 0;
    }

    public boolean usedAllowance() {
        return full && allowanceLeft >= 0;
    }
}
