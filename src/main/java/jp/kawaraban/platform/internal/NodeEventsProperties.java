package jp.kawaraban.platform.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How application nodes tell each other of changes (docs/decisions/0030).
 *
 * @param enabled       send this node's node-wide events and listen to the other nodes'; off
 *                      only for a node that is certain to be alone and wants its database
 *                      connection back
 * @param channel       the PostgreSQL notification channel; nodes of one site share it (a
 *                      second site on the same database server has its own database anyway)
 * @param reconnectMax  the longest wait between two attempts to listen again after the database
 *                      went away (the wait starts at half a second and doubles)
 * @param checkEvery    how often a quiet listening connection is checked, so a connection that
 *                      died without a word is noticed
 * @param heardEvery    how often a listening node tells its own listeners how far it has heard
 *                      ({@link jp.kawaraban.platform.NodeEventsHeard}): the search index's
 *                      caught-up mark moves forward at this pace
 */
@ConfigurationProperties("kawaraban.node-events")
record NodeEventsProperties(@DefaultValue("true") boolean enabled,
                            @DefaultValue("kawaraban_node_events") String channel,
                            @DefaultValue("10s") Duration reconnectMax,
                            @DefaultValue("10s") Duration checkEvery,
                            @DefaultValue("1m") Duration heardEvery) {

    NodeEventsProperties {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("kawaraban.node-events.channel must be a lower-case SQL name "
                    + "(letters, digits, underscores, at most 63), not: " + channel);
        }
    }
}
