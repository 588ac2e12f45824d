package jp.kawaraban.platform.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.kawaraban.Waiting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A PostgreSQL the application did not start goes away and comes back: the application does not
 * restart it, but a reader's request is told "unavailable" within its short wait (not the pool's
 * 30 s), the database counts as down, and it is up again by itself once the server returns, with
 * the pool handing out working connections. The server here is the test's own, on a fixed port
 * and directory, so it can be stopped and started again; the shared test server is not touched.
 */
@ExtendWith(Waiting.class)
class ExternalDatabaseOutageTest {

    @TempDir
    Path directory;

    @Test
    void aReaderIsToldAtOnceAndThePoolReconnectsWhenTheServerReturns() throws Exception {
        int port = freePort();
        EmbeddedPostgres server = start(port);
        HikariDataSource hikari = new HikariDataSource();
        hikari.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        hikari.setMaximumPoolSize(4);
        DataSource pool = (DataSource) new ReaderConnections().postProcessAfterInitialization(hikari, "dataSource");
        DatabaseWatch watch = new DatabaseWatch(pool, new DatabaseProperties(Duration.ofSeconds(2)),
                new StaticListableBeanFactory().getBeanProvider(EmbeddedDatabase.class));
        EmbeddedPostgres again = null;
        try {
            JdbcClient jdbc = JdbcClient.create(pool);
            jdbc.sql("create table kept (words text)").update();
            jdbc.sql("insert into kept values ('瓦版')").update();

            server.close(); // stopped by its own administrator

            long start = System.nanoTime();
            Throwable failure;
            try (var reader = watch.reader()) {
                failure = catchThrowable(() -> jdbc.sql("select count(*) from kept").query(Long.class).single());
            }
            // 2 s against the pool's 30 s; the bound leaves room for a loaded machine
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the reader's short wait, not the pool's")
                    .isLessThan(Duration.ofSeconds(12));
            assertThat(watch.explains(failure)).isTrue();
            assertThat(watch.isDown()).isTrue();

            again = start(port);
            await().atMost(Duration.ofSeconds(30)).until(() -> !watch.isDown());
            try (var reader = watch.reader()) {
                assertThat(jdbc.sql("select words from kept").query(String.class).single()).isEqualTo("瓦版");
            }
        } finally {
            watch.close();
            hikari.close();
            if (again != null) {
                again.close();
            }
        }
    }

    @Test
    void onlyFailuresToReachTheDatabaseCountAsItBeingDown() {
        assertThat(DatabaseWatch.reach(new IllegalArgumentException("a bad parameter"))).isEqualTo(DatabaseWatch.Reach.FINE);
        assertThat(DatabaseWatch.reach(new SQLException("duplicate key", "23505"))).isEqualTo(DatabaseWatch.Reach.FINE);
        assertThat(DatabaseWatch.reach(new RuntimeException(new SQLException("refused", "08001"))))
                .isEqualTo(DatabaseWatch.Reach.UNREACHABLE);
        assertThat(DatabaseWatch.reach(new java.sql.SQLTransientConnectionException("pool busy")))
                .isEqualTo(DatabaseWatch.Reach.BUSY);
        // The session table's transaction: its connection broke, and the rollback failed too.
        var rollback = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("select",
                new SQLException("terminating connection due to unexpected postmaster exit", "57P01")));
        assertThat(DatabaseWatch.reach(rollback)).isEqualTo(DatabaseWatch.Reach.UNREACHABLE);
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).setPort(port)
                .setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
