package jp.kawaraban.access;

import java.time.Instant;

/**
 * What a gift link in the current request did for the article asked for: opened it, or why not.
 * The page says which, so a reader of an old link learns why they see the paywall.
 *
 * @param expiresAt when the link stops (or stopped) opening the article; null when unknown
 */
public record GiftLook(Outcome outcome, Instant expiresAt) {

    public enum Outcome {
        /** The article is open in full through the gift. */
        OPEN,
        EXPIRED,
        REVOKED,
        /** A real gift, for another article: it opens only its own. */
        OTHER_ARTICLE,
        /** No gift has this token (mistyped, cut short, or made up). */
        UNKNOWN
    }

    public boolean opens() {
        return outcome == Outcome.OPEN;
    }
}
