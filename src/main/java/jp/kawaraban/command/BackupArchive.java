package jp.kawaraban.command;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import tools.jackson.databind.json.JsonMapper;

/**
 * The backup file: a zip holding one entry per table ({@code database/<table>.copy}, the rows in
 * PostgreSQL's COPY text format), one per file of the data directory ({@code files/<path>}) and,
 * last, {@code manifest.json}: what made it and when, the schema's migrations, each table's
 * columns and row count, the sequences, and the SHA-256 of every entry. A file cut short has no
 * zip directory (and no manifest); a damaged entry fails its checksum. Either way {@link #open}
 * refuses it before a restore touches anything.
 */
final class BackupArchive {

    static final String MANIFEST = "manifest.json";
    static final int FORMAT = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BackupArchive() {
    }

    record Manifest(int format, String application, String version, Instant createdAt, String postgres,
                    List<Migration> migrations, List<Table> tables, List<SequenceValue> sequences, List<StoredFile> files) {

        long rows() {
            return tables.stream().mapToLong(Table::rows).sum();
        }
    }

    /** One applied Flyway migration of the backed-up schema. */
    record Migration(String version, String description, Integer checksum, String script) {
    }

    /**
     * One table: the columns its rows were copied with, and the statement that re-creates it for
     * tables no migration makes (Spring Modulith's event log).
     */
    record Table(String name, List<String> columns, String create, long rows, String entry, long bytes, String sha256) {
    }

    record SequenceValue(String name, Long value) {
    }

    record StoredFile(String path, String entry, long bytes, String sha256) {
    }

    static byte[] manifestBytes(Manifest manifest) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
    }

    /** Why a backup file cannot be restored; the message says so in Japanese, then in English. */
    static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An opened backup whose every entry was read and found as its manifest says. */
    record Verified(ZipFile zip, Manifest manifest) implements AutoCloseable {

        InputStream open(String entry) throws IOException {
            ZipEntry found = zip.getEntry(entry);
            if (found == null) {
                throw new IOException("No entry " + entry);
            }
            return zip.getInputStream(found);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /**
     * Opens the backup and reads every entry once against its checksum: nothing is restored from
     * a file that is cut short, damaged, or not a Kawaraban backup.
     */
    static Verified open(Path file, LongConsumer bytesRead) throws Unreadable {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new Unreadable("バックアップファイルが壊れているか、途中で切れています / The backup file is damaged or cut short (" + e.getMessage() + ").", e);
        }
        try {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null) {
                throw new Unreadable("瓦版のバックアップファイルではありません / Not a Kawaraban backup: it has no " + MANIFEST + ".", null);
            }
            Manifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = JSON.readValue(in, Manifest.class);
            } catch (IOException | RuntimeException e) {
                throw new Unreadable("バックアップの目録を読めません / The backup's manifest cannot be read (" + e.getMessage() + ").", e);
            }
            if (manifest.format() != FORMAT) {
                throw new Unreadable("このバックアップの形式（" + manifest.format() + "）には対応していません / Backup format "
                        + manifest.format() + " is not one this version reads (" + FORMAT + ").", null);
            }
            long[] total = {0};
            for (Table table : manifest.tables()) {
                check(zip, table.entry(), table.sha256(), bytesRead, total);
            }
            for (StoredFile stored : manifest.files()) {
                if (safePath(stored.path()) == null) {
                    throw new Unreadable("バックアップに不正なファイル名があります / The backup names a file outside the data directory: "
                            + stored.path(), null);
                }
                check(zip, stored.entry(), stored.sha256(), bytesRead, total);
            }
            return new Verified(zip, manifest);
        } catch (Unreadable refused) {
            closeQuietly(zip);
            throw refused;
        }
    }

    private static void check(ZipFile zip, String name, String sha256, LongConsumer bytesRead, long[] total) throws Unreadable {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new Unreadable("バックアップの一部（" + name + "）が欠けています / The backup is missing " + name + ".", null);
        }
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256())) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                total[0] += read;
                bytesRead.accept(total[0]);
            }
            String found = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            if (!found.equals(sha256)) {
                throw new Unreadable("バックアップの一部（" + name + "）が壊れています / " + name
                        + " in the backup does not match its checksum.", null);
            }
        } catch (IOException e) {
            throw new Unreadable("バックアップの一部（" + name + "）が壊れています / " + name + " in the backup cannot be read ("
                    + e.getMessage() + ").", e);
        }
    }

    /** A stored file's path inside the data directory, or {@code null} when it would lead outside it. */
    static Path safePath(String path) {
        Path relative = Path.of(path).normalize();
        if (path.isBlank() || relative.isAbsolute() || relative.startsWith("..") || relative.toString().isEmpty()) {
            return null;
        }
        return relative;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Writes through to the zip entry without closing the zip, counting and hashing what passes. */
    static final class EntryOutput extends FilterOutputStream {

        private final DigestOutputStream digest;
        private long bytes;

        EntryOutput(OutputStream zip) {
            this(new DigestOutputStream(zip, BackupArchive.sha256()));
        }

        private EntryOutput(DigestOutputStream digest) {
            super(digest);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            digest.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            digest.write(b, off, len);
            bytes += len;
        }

        @Override
        public void close() {
            // the zip stays open for the next entry
        }

        long bytes() {
            return bytes;
        }

        String checksum() {
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // refusing already
        }
    }
}
