package jp.kawaraban.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

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
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // Spring stops the database after everything that uses it (destroyMethod);
                // the library's own JVM hook would race Spring's and cut connections mid-shutdown.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("timezone", "UTC")
                // The library starts PostgreSQL for throwaway test databases (fsync off); this
                // one keeps a newsroom's articles, so every commit reaches the disk.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .start();
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
