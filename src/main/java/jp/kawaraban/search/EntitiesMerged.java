package jp.kawaraban.search;

import java.time.Instant;

/**
 * One entity was merged into another: {@code intoId} now carries {@code fromId}'s names,
 * and {@code fromId} no longer exists (its id redirects, see {@link Entities#mergedInto}).
 * Published after the vocabulary changed, in the same transaction; modules that keep entity
 * ids of their own (follows, article tags) move them over when they receive it.
 */
public record EntitiesMerged(String fromId, String intoId, Instant mergedAt) {
}
