package jp.kawaraban.personal;

import java.time.Instant;

/**
 * One thing a member follows.
 *
 * @param value the series code, the keyword or the entity id
 * @param label what readers see: the series' or entity's name, or the keyword
 */
public record Follow(FollowKind kind, String value, String label, Instant followedAt) {
}
