package jp.kawaraban.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.kawaraban.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts PostgreSQL inside the application when no {@code spring.datasource.url} is set,
 * so the default installation needs nothing but a JDK. Its files live under
 * {@code <data-dir>/postgres} and survive restarts, and it is started again when it dies
 * ({@link EmbeddedDatabase}). With a URL configured, this class does nothing and Spring Boot's
 * own DataSource is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "kawaraban";

    /**
     * The server's settings, on its first start and on every start after a crash. The library
     * starts PostgreSQL for throwaway test databases (fsync off); this one keeps a newsroom's
     * articles, so every commit reaches the disk.
     */
    static final Map<String, String> SERVER_CONFIG = serverConfig();

    private static Map<String, String> serverConfig() {
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "timezone", "UTC",
                "fsync", "on",
                "synchronous_commit", "on",
                "max_connections", "100"));
        if (System.getProperty("os.name", "").startsWith("Linux")) {
            // Before replaying its log after a crash, PostgreSQL flushes the whole data directory;
            // one syncfs() does that in a fraction of the time of an fsync() per file (Linux only).
            config.put("recovery_init_sync_method", "syncfs");
        }
        return Map.copyOf(config);
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(PlatformProperties properties) throws IOException, SQLException {
        Path directory = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
        Files.createDirectories(directory);
        OrphanedPostgres.claim(directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // Spring stops the database after everything that uses it (destroyMethod);
                // the library's own JVM hook would race Spring's and cut connections mid-shutdown.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60));
        SERVER_CONFIG.forEach(builder::setServerConfig);
        // The library picks a free port once; a restart after a crash reuses it (EmbeddedDatabase).
        EmbeddedPostgres postgres = builder.start();
        createDatabaseIfMissing(postgres);
        log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), directory);
        return new EmbeddedDatabase(postgres, directory, SERVER_CONFIG);
    }

    /**
     * The pool, bound to {@code spring.datasource.hikari.*} as Spring Boot's own would be, so
     * the connection timeout (and any other pool setting) is set the same way for both databases.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.postgres().getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("kawaraban-embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var check = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, DATABASE);
            try (var rows = check.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        }
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
