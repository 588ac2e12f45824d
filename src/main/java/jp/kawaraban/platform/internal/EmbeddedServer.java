package jp.kawaraban.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL on {@code <data-dir>/postgres}, started with the settings below in one
 * place: by the site ({@link EmbeddedDatabaseConfiguration}) and by operator commands that work
 * on a data directory no site is running on ({@code platform.operator.OperatorDatabase}).
 * {@link #close()} stops it and gives the data directory up, so another application in the same
 * JVM (a command that started the site to rebuild its index, then the site) may claim it next.
 */
public final class EmbeddedServer implements AutoCloseable {

    /** The database the application keeps its tables in, on the embedded server. */
    public static final String DATABASE = "kawaraban";
    /** The embedded server's superuser (the library runs initdb with it, local connections trusted). */
    public static final String USER = "postgres";

    /**
     * The server's settings, on its first start and on every start after a crash
     * ({@link EmbeddedDatabase}). The library starts PostgreSQL for throwaway test databases
     * (fsync off); this one keeps a newsroom's articles, so every commit reaches the disk.
     */
    static final Map<String, String> SERVER_CONFIG = serverConfig();

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    Path directory() {
        return postgresDirectory(dataDir);
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            OrphanedPostgres.release(postgresDirectory(dataDir));
        }
    }

    /** Claims {@code dataDir} for this process and starts PostgreSQL on its {@code postgres} folder. */
    public static EmbeddedServer start(Path dataDir) throws IOException, SQLException {
        Path directory = postgresDirectory(dataDir);
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
        try {
            createDatabaseIfMissing(postgres);
        } catch (SQLException e) {
            postgres.close();
            OrphanedPostgres.release(directory);
            throw e;
        }
        return new EmbeddedServer(postgres, dataDir);
    }

    /** Whether another process (a running site) holds {@code dataDir}; claims nothing. */
    public static boolean inUse(Path dataDir) throws IOException {
        return OrphanedPostgres.heldElsewhere(postgresDirectory(dataDir));
    }

    private static Map<String, String> serverConfig() {
        Map<String, String> config = new HashMap<>(Map.of(
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

    public static Path postgresDirectory(Path dataDir) {
        return dataDir.resolve("postgres").toAbsolutePath().normalize();
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
}
