package jp.kawaraban.platform;

import java.time.Instant;

/**
 * This node has heard, and handed to its listeners, every {@link NodeWideEvent} that another
 * node's transaction committed before {@code upTo} (the database's clock), on one listening
 * connection that has not been lost since the last {@link NodeEventsMissed}. Published now and
 * then while a node listens ({@code kawaraban.node-events.heard-every}), after the
 * {@link FromAnotherNode} events it covers, so node-local state that notes how far it is
 * current can move its mark forward without waiting for the next start or reconnection.
 *
 * @param upTo a time of the database's clock
 */
public record NodeEventsHeard(Instant upTo) {
}
