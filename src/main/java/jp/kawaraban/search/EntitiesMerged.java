package jp.kawaraban.search;

import java.time.Instant;

import jp.kawaraban.platform.NodeWideEvent;

/**
 * One entity was merged into another: {@code intoId} now carries {@code fromId}'s names,
 * and {@code fromId} no longer exists (its id redirects, see {@link Entities#mergedInto}).
 * Published after the vocabulary changed, in the same transaction; modules that keep entity
 * ids of their own (follows, article tags) move them over when they receive it. Node-wide:
 * every node reads its vocabulary again and re-indexes the articles concerned in its own index.
 */
public record EntitiesMerged(String fromId, String intoId, Instant mergedAt) implements NodeWideEvent {
}
