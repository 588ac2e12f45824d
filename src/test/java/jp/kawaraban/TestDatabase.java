package jp.kawaraban;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One PostgreSQL server for the whole test JVM, started when the first application context
 * needs it and stopped after the last one has closed (at the JVM's end, when Spring closes
 * the cached contexts); every application context gets its own fresh, empty database on it
 * (Flyway migrates it as on any external PostgreSQL). Registered by {@link KawarabanTest}:
 * the contexts then run on an external database, which is why the annotation turns the demo
 * edition on.
 *
 * <p>The application's own embedded start-up (no {@code spring.datasource.url}: PostgreSQL
 * under {@code <data-dir>/postgres}) is tested apart, in
 * {@code platform.internal.EmbeddedDatabaseTest}.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Duration LAST_CONTEXT_WAIT = Duration.ofSeconds(20);
    /** Guards the server and the count of contexts using it. */
    private static final Object LOCK = new Object();
    private static EmbeddedPostgres server;
    private static int contexts;
    private static boolean shutdownHook;
    private static boolean starting;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = newDatabase();
        // Disposable beans are destroyed in the reverse order of their registration: this first
        // one goes last, after the connection pool and everything else that uses the database.
        DisposableBean lease = TestDatabase::contextClosed;
        synchronized (LOCK) {
            contexts++;
        }
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("kawarabanTestDatabase", lease);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kawaraban-test-database", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                // as the application's own embedded database has it
                "spring.datasource.hikari.maximum-pool-size", "20")));
    }

    /** A new, empty database on the shared server; its JDBC URL. */
    public static String newDatabase() {
        EmbeddedPostgres postgres = server();
        String name = "kawaraban_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement create = connection.createStatement()) {
            create.execute("create database " + name + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres server() {
        synchronized (LOCK) {
            if (server == null) {
                server = start();
            }
            return server;
        }
    }

    /**
     * Starts the server on another thread as the first application test class begins (registered
     * by {@link KawarabanTest}), so initdb (a second or so) runs while Spring prepares the context.
     */
    public static final class EarlyStart implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            synchronized (LOCK) {
                if (server != null || starting) {
                    return;
                }
                starting = true;
            }
            Thread.ofPlatform().daemon().name("test-postgres-start").start(TestDatabase::server);
        }
    }

    private static void contextClosed() {
        synchronized (LOCK) {
            contexts--;
            if (contexts == 0) {
                stop();
            }
            LOCK.notifyAll();
        }
    }

    /** Stops the server; the caller holds the lock. */
    private static void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop the tests' PostgreSQL", e);
            } finally {
                server = null;
            }
        }
    }

    /**
     * Spring closes the cached contexts from its own shutdown hook; this one, running beside
     * it, gives them time to close first (so no pool loses its server mid-shutdown), and stops
     * the server in any case, so no PostgreSQL outlives the tests.
     */
    private static void stopAfterTheLastContext() {
        synchronized (LOCK) {
            long deadline = System.nanoTime() + LAST_CONTEXT_WAIT.toNanos();
            try {
                while (contexts > 0 && server != null && System.nanoTime() < deadline) {
                    LOCK.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop();
        }
    }

    /** Starts the server; the caller holds the lock. */
    private static EmbeddedPostgres start() {
        try {
            // A throwaway server in a temporary directory, removed again when it stops: nothing
            // here needs to survive a crash. Not the library's shutdown hook: it would race Spring's.
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            if (!shutdownHook) {
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopAfterTheLastContext, "test-postgres-stop"));
                shutdownHook = true;
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the tests' PostgreSQL", e);
        }
    }
}
