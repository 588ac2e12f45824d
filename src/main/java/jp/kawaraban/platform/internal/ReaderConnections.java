package jp.kawaraban.platform.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Gives a reader's request its own, short wait for a connection. The pool has one timeout for
 * everyone, and it has to be long: a burst of background work (indexing a batch of published
 * articles, say) may wait its turn for a while without failing. A reader should not: while
 * the database is out of reach, every request would hang for the whole timeout. So the pool
 * (Spring Boot's or the embedded database's, both Hikari) is wrapped, and a thread that serves
 * a request ({@link DatabaseWatch#reader()}) asks Hikari for a connection with its own deadline.
 * When that passes only because every connection is busy (Hikari names no failure to connect),
 * the reader goes on waiting the pool's own timeout: a busy pool is a queue, not an outage.
 */
@Component
class ReaderConnections implements BeanPostProcessor {

    /** The wait of the request this thread serves, or null for background work. */
    static final ThreadLocal<Duration> WAIT = new ThreadLocal<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof HikariDataSource hikari ? new ReaderAwareDataSource(hikari) : bean;
    }

    /** Closeable, so the pool is still closed with the application. */
    static final class ReaderAwareDataSource extends DelegatingDataSource implements AutoCloseable {

        private final HikariDataSource hikari;

        ReaderAwareDataSource(HikariDataSource hikari) {
            super(hikari);
            this.hikari = hikari;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Duration wait = WAIT.get();
            // The pool starts with its first connection; until then (and when closed) Hikari decides.
            if (wait != null && hikari.getHikariPoolMXBean() instanceof HikariPool pool && !hikari.isClosed()) {
                try {
                    return pool.getConnection(wait.toMillis());
                } catch (SQLTransientConnectionException timedOut) {
                    if (timedOut.getCause() != null) {
                        throw timedOut; // the pool failed to connect meanwhile: the database is out of reach
                    }
                    // Every connection is in use and none failed: a queue, not an outage. The
                    // reader waits its turn as background work does (and as before).
                }
            }
            return hikari.getConnection();
        }

        @Override
        public void close() {
            hikari.close();
        }

        @Override
        public String toString() {
            return "reader-aware " + hikari;
        }
    }
}
