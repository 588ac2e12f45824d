package jp.kawaraban.platform;

import java.time.Duration;

/**
 * Whether PostgreSQL can be reached, as far as the application knows, so that readers are told
 * "temporarily unavailable" at once instead of each waiting for a connection that cannot come.
 * The database counts as down from the moment a request (or, for the embedded database, its
 * watchdog) finds it out of reach, until a connection works again; the application looks for
 * that every second meanwhile, so it comes back by itself (decision 0019).
 */
public interface DatabaseStatus {

    /** How long a client is asked to wait before trying again ({@code Retry-After}). */
    Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** True while the database is known to be out of reach. */
    boolean isDown();

    /**
     * Whether {@code failure} (or one of its causes) is the database being out of reach, or
     * having no connection to spare in time: an answer of "try again shortly", not a fault of
     * the request. When it could not be reached at all, the database counts as down from now on.
     */
    boolean explains(Throwable failure);

    /**
     * Marks this thread as serving a reader's request until the scope is closed: it waits for a
     * database connection only briefly ({@code kawaraban.database.reader-connection-timeout}),
     * and is told "unavailable" after that, while background work waits its turn longer.
     */
    ReaderScope reader();

    /** The span of one request; closing it ends the short wait. */
    interface ReaderScope extends AutoCloseable {
        @Override
        void close();
    }
}
