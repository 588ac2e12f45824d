package jp.kawaraban.platform.internal;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import jp.kawaraban.platform.DatabaseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Knows whether the database is down: a request's failure that shows it out of reach (or the
 * embedded database's watchdog) marks it down, and from then on a probe asks the pool for a
 * connection every second until one works. Marking it down also retires the pool's connections,
 * which all lead to the dead server: otherwise each would fail one more request after the
 * database is back.
 */
@Component
class DatabaseWatch implements DatabaseStatus {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    /**
     * PostgreSQL's "connection exception" class (08…: refused, broken, lost) and the server
     * going away under a session: shut down by an administrator, crashed, still starting up.
     */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

    private final DataSource dataSource;
    private final Duration readerWait;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile boolean closed;

    DatabaseWatch(DataSource dataSource, DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        this.dataSource = dataSource;
        this.readerWait = properties.readerConnectionTimeout();
        embedded.ifAvailable(database -> database.onCrash(this::markDown));
    }

    @Override
    public boolean isDown() {
        return down.get();
    }

    @Override
    public boolean explains(Throwable failure) {
        Reach reach = reach(failure);
        if (reach == Reach.UNREACHABLE) {
            markDown();
        }
        return reach != Reach.FINE;
    }

    @Override
    public ReaderScope reader() {
        Duration outer = ReaderConnections.WAIT.get();
        ReaderConnections.WAIT.set(readerWait);
        return () -> {
            if (outer == null) {
                ReaderConnections.WAIT.remove();
            } else {
                ReaderConnections.WAIT.set(outer);
            }
        };
    }

    enum Reach { FINE, BUSY, UNREACHABLE }

    /** What {@code failure} says about the database, looking through its causes. */
    static Reach reach(Throwable failure) {
        Reach reach = Reach.FINE;
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof ConnectException) {
                return Reach.UNREACHABLE;
            }
            // A transaction whose connection broke fails again on the rollback ("Connection is
            // closed"), and that second failure hides the first, which says why.
            if (cause instanceof TransactionSystemException rollback) {
                if (rollback.getApplicationException() != null
                        && reach(rollback.getApplicationException()) == Reach.UNREACHABLE) {
                    return Reach.UNREACHABLE;
                }
                reach = Reach.BUSY; // a commit or rollback that failed: the connection, not the request
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GONE.contains(sql.getSQLState()))) {
                return Reach.UNREACHABLE;
            }
            // No connection in time without a failure to connect behind it (the pool is exhausted),
            // or a resource failure the driver did not say more about: try again shortly.
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof CannotCreateTransactionException) {
                reach = Reach.BUSY;
            }
        }
        return reach;
    }

    void markDown() {
        if (closed || !down.compareAndSet(false, true)) {
            return;
        }
        log.warn("The database cannot be reached: pages answer 503 (temporarily unavailable) until a connection works again");
        retireConnections();
        Thread.ofVirtual().name("database-probe").start(this::probeUntilReachable);
    }

    private void probeUntilReachable() {
        long since = System.nanoTime();
        while (!closed) {
            try (Connection connection = dataSource.getConnection()) {
                if (connection.isValid(2)) {
                    down.set(false);
                    log.warn("The database can be reached again, {} ms after it was found out of reach",
                            Duration.ofNanos(System.nanoTime() - since).toMillis());
                    return;
                }
            } catch (SQLException | RuntimeException e) {
                log.debug("The database is still out of reach", e);
            }
            try {
                Thread.sleep(PROBE_INTERVAL);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void retireConnections() {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
                if (pool != null) {
                    pool.softEvictConnections();
                }
            }
        } catch (SQLException e) {
            log.debug("Could not retire the pool's connections", e);
        }
    }

    @PreDestroy
    void close() {
        closed = true;
    }
}
