package jp.kawaraban.command;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jp.kawaraban.platform.operator.OperatorDatabase;
import jp.kawaraban.platform.operator.OperatorToken;

/**
 * {@code java -jar kawaraban.jar backup --to=FILE [--data-dir=DIR]}: one file holding the
 * database as one consistent snapshot ({@link DatabaseSnapshot}) and the data directory's own
 * files (figures stored as files, anything else kept there), while the site keeps running. The
 * search index is left out: a restore rebuilds it. Written to a temporary file beside
 * {@code FILE} and renamed into place once complete, so {@code FILE} is never half a backup.
 */
final class BackupCommand {

    static final String NAME = "backup";
    static final String USAGE = "usage: java -jar kawaraban.jar backup --to=FILE [--data-dir=DIR] [--spring.datasource.url=… for an external PostgreSQL]";
    /**
     * What the data directory holds that a backup does not: the database (read as a snapshot), the
     * search index (rebuilt) and the time it caught up with other nodes to (it describes that index
     * only: restored beside an index being rebuilt, it set a catch-up writing into the index the
     * rebuild was swapping out), the name the node claims search queue rows under (two nodes
     * restored from one backup must not share it), this run's locks and token.
     */
    static final Set<String> NOT_COPIED = Set.of("postgres", "search", "search-caught-up-to", "search-queue-node",
            OperatorToken.FILE, "kawaraban.lock");

    private final Path dataDir;
    private final PrintStream out;
    private final PrintStream err;

    BackupCommand(Path dataDir, PrintStream out, PrintStream err) {
        this.dataDir = dataDir;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        CommandSettings.Arguments arguments = CommandSettings.parse(args, "--to=", err, USAGE);
        if (arguments == null) {
            return 1;
        }
        Path to = arguments.file();
        List<String> passed = arguments.settings();
        if (to == null || to.toString().isBlank()) {
            err.println("Name the backup file with --to=FILE.");
            err.println(USAGE);
            return 1;
        }
        Path target = to.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            err.println("バックアップファイルはすでにあります / " + target + " already exists: name a new file (a backup never overwrites one).");
            return 1;
        }
        if (!Files.isDirectory(target.getParent())) {
            err.println("保存先のディレクトリがありません / No directory " + target.getParent() + " to write the backup to.");
            return 1;
        }
        CommandSettings settings = CommandSettings.of(passed);
        if (settings.datasourceUrl() == null && !OperatorDatabase.embeddedExists(dataDir)) {
            err.println("バックアップするデータベースがありません / There is no database in " + dataDir
                    + ". Give the site's --data-dir, or, for an external PostgreSQL, --spring.datasource.url (and username, password).");
            return 1;
        }
        Path partial = null;
        try {
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            long started = System.nanoTime();
            BackupArchive.Manifest manifest = write(settings, partial, Set.of(target, partial.toAbsolutePath().normalize()));
            try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            out.printf("Backup written to %s: %,d rows in %d tables, %d files, %,d bytes, %.1f s.%n", target, manifest.rows(),
                    manifest.tables().size(), manifest.files().size(), Files.size(target), (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (IOException | SQLException | RuntimeException failed) {
            err.println("バックアップできませんでした / The backup failed: " + failed.getMessage());
            return 1;
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // a leftover .partial file is named as such
                }
            }
        }
    }

    private BackupArchive.Manifest write(CommandSettings settings, Path file, Set<Path> skipped) throws IOException, SQLException {
        OperatorDatabase database = settings.datasourceUrl() != null
                ? OperatorDatabase.external(settings.datasourceUrl(), settings.datasourceUser(), settings.datasourcePassword())
                : OperatorDatabase.embedded(dataDir);
        try (database; Connection connection = database.connect();
             ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            err.println("Backing up " + database.description() + " and the files in " + dataDir + ".");
            DatabaseSnapshot snapshot = new DatabaseSnapshot(connection);
            long total = snapshot.begin();
            ProgressBar rows = new ProgressBar(err, "rows", System.console() != null);
            rows.show(0, total);
            DatabaseSnapshot.Contents contents = snapshot.copyInto(zip, every(rows, total));
            rows.finish(Math.min(total, contents.tables().stream().mapToLong(BackupArchive.Table::rows).sum()), total);
            // Files after the snapshot: every figure a backed-up article refers to was on disk before its row committed.
            List<BackupArchive.StoredFile> files = copyFiles(zip, skipped);
            var manifest = new BackupArchive.Manifest(BackupArchive.FORMAT, "kawaraban", OperatorCommands.version(), Instant.now(),
                    contents.postgres(), contents.migrations(), contents.tables(), contents.sequences(), files);
            zip.putNextEntry(new ZipEntry(BackupArchive.MANIFEST));
            zip.write(BackupArchive.manifestBytes(manifest));
            zip.closeEntry();
            return manifest;
        }
    }

    private List<BackupArchive.StoredFile> copyFiles(ZipOutputStream zip, Set<Path> skipped) throws IOException {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(dataDir)) {
            Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    // Not even walked: the search index changes under our feet while the site runs.
                    return !dir.equals(dataDir) && NOT_COPIED.contains(dataDir.relativize(dir).getName(0).toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && !NOT_COPIED.contains(dataDir.relativize(file).getName(0).toString())
                            && !skipped.contains(file.toAbsolutePath().normalize())) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                    if (failure instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // removed while we looked (a temporary file)
                    }
                    throw failure;
                }
            });
            found.sort(null);
        }
        List<BackupArchive.StoredFile> stored = new ArrayList<>();
        if (found.isEmpty()) {
            return stored;
        }
        ProgressBar bar = new ProgressBar(err, "files", System.console() != null);
        bar.show(0, found.size());
        int done = 0;
        for (Path path : found) {
            String relative = dataDir.relativize(path).toString().replace('\\', '/');
            String entry = "files/" + relative;
            try (InputStream in = Files.newInputStream(path)) {
                zip.putNextEntry(new ZipEntry(entry));
                var output = new BackupArchive.EntryOutput(zip);
                in.transferTo(output);
                zip.closeEntry();
                stored.add(new BackupArchive.StoredFile(relative, entry, output.bytes(), output.checksum()));
            } catch (NoSuchFileException gone) {
                continue; // removed since the listing (a temporary file): not part of the site's state
            }
            bar.show(++done, found.size());
        }
        bar.finish(done, found.size());
        return stored;
    }

    /** Redraws the bar at most once per thousandth of the rows, however many there are. */
    static LongConsumer every(ProgressBar bar, long total) {
        long step = Math.max(1, total / 1000);
        return done -> {
            if (done % step == 0) {
                bar.show(done, total);
            }
        };
    }
}
