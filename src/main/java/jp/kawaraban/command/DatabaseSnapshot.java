package jp.kawaraban.command;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.postgresql.PGConnection;

/**
 * The database as one consistent snapshot: every table read in a single REPEATABLE READ, READ
 * ONLY transaction (what {@code pg_dump} does), so rows written together — an article and its
 * revision, a subscription and its history — are in the backup together or not at all, however
 * busy the site is meanwhile. Tables are locked in ACCESS SHARE mode first, which lets the site
 * read and write as usual but holds off a TRUNCATE or ALTER (a TRUNCATE is not MVCC-safe: a
 * table emptied after the snapshot began would otherwise be read as empty).
 */
final class DatabaseSnapshot {

    static final String MIGRATIONS_TABLE = "flyway_schema_history";

    private final Connection connection;

    DatabaseSnapshot(Connection connection) {
        this.connection = connection;
    }

    /** What was read, for the manifest. */
    record Contents(String postgres, List<BackupArchive.Migration> migrations, List<BackupArchive.Table> tables,
                    List<BackupArchive.SequenceValue> sequences) {
    }

    /**
     * Begins the snapshot and counts the rows it holds ({@code total} for the progress bar);
     * {@link #copyInto} then writes them.
     */
    long begin() throws SQLException {
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        List<String> tables = tables();
        if (tables.isEmpty()) {
            throw new SQLException("The database has no tables: nothing to back up (has the site ever started on it?)");
        }
        try (Statement lock = connection.createStatement()) {
            lock.execute("LOCK TABLE " + String.join(", ", tables.stream().map(DatabaseSnapshot::quote).toList())
                    + " IN ACCESS SHARE MODE");
        }
        long rows = 0;
        for (String table : tables) {
            if (!table.equals(MIGRATIONS_TABLE)) {
                rows += single("SELECT count(*) FROM " + quote(table));
            }
        }
        return rows;
    }

    Contents copyInto(ZipOutputStream zip, LongConsumer rowsCopied) throws SQLException, IOException {
        List<BackupArchive.Table> copied = new ArrayList<>();
        long[] rows = {0};
        for (String table : tables()) {
            if (table.equals(MIGRATIONS_TABLE)) {
                continue; // recorded as the list of migrations: a restore runs them
            }
            List<String> columns = columns(table);
            String entry = "database/" + table + ".copy";
            zip.putNextEntry(new ZipEntry(entry));
            var out = new BackupArchive.EntryOutput(zip);
            String columnList = String.join(", ", columns.stream().map(DatabaseSnapshot::quote).toList());
            long before = rows[0];
            long count = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("COPY " + quote(table) + " (" + columnList + ") TO STDOUT", new RowCounter(out, () -> {
                        rows[0]++;
                        rowsCopied.accept(rows[0]);
                    }));
            rows[0] = before + count;
            zip.closeEntry();
            copied.add(new BackupArchive.Table(table, columns, createStatement(table), count, entry, out.bytes(), out.checksum()));
        }
        Contents contents = new Contents(text("SELECT version()"), migrations(), copied, sequences());
        connection.commit();
        return contents;
    }

    private List<String> tables() throws SQLException {
        return strings("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                ORDER BY c.relname""");
    }

    /** Stored columns in table order; generated ones are computed again on restore. */
    private List<String> columns(String table) throws SQLException {
        return strings("SELECT attname FROM pg_attribute WHERE attrelid = " + literal(quote(table)) + "::regclass"
                + " AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum");
    }

    /**
     * A plain {@code CREATE TABLE} (columns, types, NOT NULL, primary key) for a table no migration
     * creates; its owner adds its indexes again when the site starts ({@code CREATE INDEX IF NOT EXISTS}).
     */
    private String createStatement(String table) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet columns = statement.executeQuery("SELECT attname, format_type(atttypid, atttypmod), attnotnull"
                     + " FROM pg_attribute WHERE attrelid = " + literal(quote(table)) + "::regclass"
                     + " AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
            while (columns.next()) {
                parts.add(quote(columns.getString(1)) + " " + columns.getString(2) + (columns.getBoolean(3) ? " NOT NULL" : ""));
            }
        }
        String primaryKey = text("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
                + literal(quote(table)) + "::regclass AND contype = 'p'");
        if (primaryKey != null) {
            parts.add(primaryKey);
        }
        return "CREATE TABLE " + quote(table) + " (" + String.join(", ", parts) + ")";
    }

    private List<BackupArchive.Migration> migrations() throws SQLException {
        List<BackupArchive.Migration> migrations = new ArrayList<>();
        if (!tables().contains(MIGRATIONS_TABLE)) {
            return migrations;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, description, checksum, script FROM " + MIGRATIONS_TABLE
                     + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                int checksum = rows.getInt(3);
                Integer known = rows.wasNull() ? null : checksum;
                migrations.add(new BackupArchive.Migration(rows.getString(1), rows.getString(2), known, rows.getString(4)));
            }
        }
        return migrations;
    }

    /**
     * Sequences are not transactional: their value now is at least what the snapshot's rows used,
     * which is all a restore needs (new ids continue above every restored one).
     */
    private List<BackupArchive.SequenceValue> sequences() throws SQLException {
        List<BackupArchive.SequenceValue> sequences = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT sequencename, last_value FROM pg_sequences"
                     + " WHERE schemaname = current_schema() ORDER BY sequencename")) {
            while (rows.next()) {
                long value = rows.getLong(2);
                Long used = rows.wasNull() ? null : value; // null: never used, restored as new
                sequences.add(new BackupArchive.SequenceValue(rows.getString(1), used));
            }
        }
        return sequences;
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private String text(String sql) throws SQLException {
        List<String> values = strings(sql);
        return values.isEmpty() ? null : values.getFirst();
    }

    private long single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** COPY's text format ends each row with a newline and escapes those inside values: one per row. */
    private static final class RowCounter extends OutputStream {

        private final OutputStream out;
        private final Runnable row;

        RowCounter(OutputStream out, Runnable row) {
            this.out = out;
            this.row = row;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (b == '\n') {
                row.run();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    row.run();
                }
            }
        }
    }
}
