package jp.kawaraban.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * How the embedded PostgreSQL is started on {@code <data-dir>/postgres}: one place for its
 * settings, used by the site ({@link EmbeddedDatabaseConfiguration}) and by operator commands
 * that work on a data directory no site is running on ({@code platform.operator.OperatorDatabase}).
 */
public final class EmbeddedServer {

    /** The database the application keeps its tables in, on the embedded server. */
    public static final String DATABASE = "kawaraban";
    /** The embedded server's superuser (the library runs initdb with it, local connections trusted). */
    public static final String USER = "postgres";

    private EmbeddedServer() {
    }

    /** Claims {@code dataDir} for this process and starts PostgreSQL on its {@code postgres} folder. */
    public static EmbeddedPostgres start(Path dataDir) throws IOException, SQLException {
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
        createDatabaseIfMissing(postgres);
        return postgres;
    }

    /** Whether another process (a running site) holds {@code dataDir}; claims nothing. */
    public static boolean inUse(Path dataDir) throws IOException {
        return OrphanedPostgres.heldElsewhere(postgresDirectory(dataDir));
    }

    /** Gives {@code dataDir} up again, for a command that started and stopped the server itself. */
    public static void release(Path dataDir) throws IOException {
        OrphanedPostgres.release(postgresDirectory(dataDir));
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
