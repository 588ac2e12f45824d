package jp.kawaraban.platform;

/**
 * This node may have missed {@link NodeWideEvent}s of the other nodes: it has just started
 * listening (at start-up), its connection to the database was lost and is back, or another node
 * sent an event too large for a notification. Node-local state catches up from the database
 * (the search index asks which articles changed since it last did; caches are dropped).
 *
 * @param reason why, for logs
 */
public record NodeEventsMissed(Reason reason) {

    public enum Reason {
        STARTED_LISTENING, RECONNECTED, TOO_LARGE_TO_SEND
    }
}
