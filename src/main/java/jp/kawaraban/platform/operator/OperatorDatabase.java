package jp.kawaraban.platform.operator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import jp.kawaraban.platform.internal.EmbeddedServer;

/**
 * The database of a data directory, for operator commands that work on it directly
 * ({@code backup}, {@code restore}): an external PostgreSQL when {@code spring.datasource.url}
 * is given; otherwise the embedded one, reached where the running site started it (the port in
 * its {@code postmaster.pid}) or, when no site holds the directory, started by the command
 * itself with the site's own settings and stopped again by {@link #close()}.
 */
public final class OperatorDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String description;
    private final EmbeddedServer started;

    private OperatorDatabase(String url, String user, String password, String description, EmbeddedServer started) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.description = description;
        this.started = started;
    }

    /** An external PostgreSQL, as the site is configured with it. */
    public static OperatorDatabase external(String url, String user, String password) {
        return new OperatorDatabase(url, user, password, "the PostgreSQL at " + url, null);
    }

    /** Whether {@code dataDir} holds an embedded database (a site has run on it). */
    public static boolean embeddedExists(Path dataDir) {
        return Files.exists(EmbeddedServer.postgresDirectory(dataDir).resolve("PG_VERSION"));
    }

    /**
     * The embedded database of {@code dataDir}: the running site's, or one started here (created
     * when the directory has none yet) when no site holds the directory.
     */
    public static OperatorDatabase embedded(Path dataDir) throws IOException, SQLException {
        if (EmbeddedServer.inUse(dataDir)) {
            Path pidFile = EmbeddedServer.postgresDirectory(dataDir).resolve("postmaster.pid");
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            if (lines.size() < 4 || lines.get(3).isBlank()) {
                throw new IllegalStateException("A site holds " + dataDir + " but its database is not running (yet): try again in a moment.");
            }
            String port = lines.get(3).strip(); // postmaster.pid: pid, directory, start time, port, …
            return new OperatorDatabase("jdbc:postgresql://localhost:" + port + "/" + EmbeddedServer.DATABASE,
                    EmbeddedServer.USER, "", "the embedded database of the site running on " + dataDir, null);
        }
        EmbeddedServer server = EmbeddedServer.start(dataDir);
        return new OperatorDatabase(server.jdbcUrl(), EmbeddedServer.USER, "",
                "the embedded database in " + dataDir + " (no site is running on it)", server);
    }

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Which database this is, for the command's messages. */
    public String description() {
        return description;
    }

    /** Stops the embedded server this command started (and gives the data directory up); nothing otherwise. */
    @Override
    public void close() throws IOException {
        if (started != null) {
            started.close();
        }
    }
}
