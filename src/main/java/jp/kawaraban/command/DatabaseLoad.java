package jp.kawaraban.command;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;

import static jp.kawaraban.command.DatabaseSnapshot.quote;

/**
 * Puts a backup's database into an empty one: the schema from the application's own migrations,
 * exactly those the backup was taken at (a newer application migrates the rest at its next start,
 * as after any upgrade), then every table's rows and the sequences, in one transaction.
 */
final class DatabaseLoad {

    private final String url;
    private final String user;
    private final String password;
    private final List<String> migrationLocations;

    DatabaseLoad(String url, String user, String password, List<String> migrationLocations) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.migrationLocations = migrationLocations;
    }

    /** Names of the tables already in the database: a restore goes only into one that has none. */
    static List<String> existingTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private Flyway flyway(BackupArchive.Manifest manifest) {
        var configuration = Flyway.configure().dataSource(url, user, password)
                .locations(migrationLocations.toArray(String[]::new))
                .outOfOrder(true);
        manifest.migrations().stream().map(m -> MigrationVersion.fromVersion(m.version())).max(MigrationVersion::compareTo)
                .ifPresent(configuration::target);
        return configuration.load();
    }

    /**
     * Why this application cannot make the backup's schema, or {@code null} when it can: it must
     * know every migration the backup was taken at, unchanged, and no other one up to the last of them.
     */
    String incompatibility(BackupArchive.Manifest manifest) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        manifest.migrations().forEach(m -> wanted.put(m.version(), m.checksum()));
        Map<String, Integer> known = new HashMap<>();
        for (MigrationInfo info : flyway(manifest).info().all()) {
            if (info.getVersion() != null && info.getState().isResolved()) {
                known.put(info.getVersion().getVersion(), info.getChecksum());
            }
        }
        MigrationVersion last = wanted.keySet().stream().map(MigrationVersion::fromVersion).max(MigrationVersion::compareTo)
                .orElse(MigrationVersion.EMPTY);
        Set<String> missing = new LinkedHashSet<>(wanted.keySet());
        missing.removeAll(known.keySet());
        Set<String> changed = wanted.keySet().stream().filter(known::containsKey)
                .filter(v -> !Objects.equals(known.get(v), wanted.get(v))).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> extra = known.keySet().stream().filter(v -> !wanted.containsKey(v))
                .filter(v -> MigrationVersion.fromVersion(v).compareTo(last) < 0).collect(Collectors.toCollection(HashSet::new));
        if (missing.isEmpty() && changed.isEmpty() && extra.isEmpty()) {
            return null;
        }
        return "このバックアップは別の版の瓦版（" + manifest.version() + "）で作られました。その版で復元してから更新してください / "
                + "The backup was made by another version of Kawaraban (" + manifest.version()
                + "): restore it with that version, then upgrade. Schema differences: unknown migrations " + missing
                + ", changed " + changed + ", not in the backup " + extra + ".";
    }

    /** Creates the schema and loads every table; on failure nothing of the rows stays (one transaction). */
    void load(BackupArchive.Verified backup, LongConsumer rowsLoaded) throws SQLException, IOException {
        BackupArchive.Manifest manifest = backup.manifest();
        flyway(manifest).migrate();
        try (Connection connection = java.sql.DriverManager.getConnection(url, properties())) {
            connection.setAutoCommit(false);
            Set<String> present = new HashSet<>(existingTables(connection));
            try (Statement statement = connection.createStatement()) {
                for (BackupArchive.Table table : manifest.tables()) {
                    if (!present.contains(table.name())) {
                        statement.execute(table.create()); // e.g. the event log, made by the application itself at start
                    }
                }
                // Migrations seed some tables (the newsletters that ship with the schema): the backup's rows replace them.
                statement.execute("TRUNCATE " + manifest.tables().stream().map(t -> quote(t.name())).collect(Collectors.joining(", ")));
            }
            long[] rows = {0};
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (BackupArchive.Table table : inDependencyOrder(connection, manifest.tables())) {
                String columns = table.columns().stream().map(DatabaseSnapshot::quote).collect(Collectors.joining(", "));
                try (InputStream in = backup.open(table.entry())) {
                    long before = rows[0];
                    long loaded = copy.copyIn("COPY " + quote(table.name()) + " (" + columns + ") FROM STDIN", in);
                    if (loaded != table.rows()) {
                        throw new SQLException(table.name() + ": " + loaded + " rows loaded, the manifest says " + table.rows());
                    }
                    rows[0] = before + loaded;
                    rowsLoaded.accept(rows[0]);
                }
            }
            try (Statement statement = connection.createStatement()) {
                for (BackupArchive.SequenceValue sequence : manifest.sequences()) {
                    if (sequence.value() != null) {
                        statement.execute("SELECT setval(" + DatabaseSnapshot.literal(quote(sequence.name())) + ", " + sequence.value() + ")");
                    }
                }
            }
            connection.commit();
        }
    }

    /** Drops what a failed restore created in an external database, so it is empty again. */
    void dropAll() throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(url, properties());
             Statement statement = connection.createStatement()) {
            List<String> tables = existingTables(connection);
            if (!tables.isEmpty()) {
                statement.execute("DROP TABLE " + tables.stream().map(DatabaseSnapshot::quote).collect(Collectors.joining(", ")) + " CASCADE");
            }
        }
    }

    /** Referenced tables before those that refer to them, so each COPY finds the rows its foreign keys need. */
    private static List<BackupArchive.Table> inDependencyOrder(Connection connection, List<BackupArchive.Table> tables) throws SQLException {
        Map<String, Set<String>> references = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT child.relname, parent.relname FROM pg_constraint k
                     JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
                     JOIN pg_namespace n ON n.oid = child.relnamespace
                     WHERE k.contype = 'f' AND n.nspname = current_schema()""")) {
            while (rows.next()) {
                if (!rows.getString(1).equals(rows.getString(2))) { // a table referring to itself is checked at the end of its COPY
                    references.computeIfAbsent(rows.getString(1), t -> new HashSet<>()).add(rows.getString(2));
                }
            }
        }
        Map<String, BackupArchive.Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        List<BackupArchive.Table> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (ordered.size() < tables.size()) {
            boolean progress = false;
            for (BackupArchive.Table table : byName.values()) {
                if (!placed.contains(table.name()) && placed.containsAll(references.getOrDefault(table.name(), Set.of()).stream()
                        .filter(byName::containsKey).toList())) {
                    ordered.add(table);
                    placed.add(table.name());
                    progress = true;
                }
            }
            if (!progress) { // a cycle of foreign keys: the remaining tables in any order, PostgreSQL will say if it fails
                byName.values().stream().filter(t -> !placed.contains(t.name())).forEach(ordered::add);
                break;
            }
        }
        return ordered;
    }

    private java.util.Properties properties() {
        var properties = new java.util.Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }
}
