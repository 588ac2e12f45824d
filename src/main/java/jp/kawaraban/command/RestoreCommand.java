package jp.kawaraban.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jp.kawaraban.article.FigureCopies;
import jp.kawaraban.platform.operator.OperatorDatabase;

/**
 * {@code java -jar kawaraban.jar restore --from=FILE [--data-dir=DIR]}: makes an empty data
 * directory (and, with an external PostgreSQL, an empty database) the site the backup was taken
 * of, then rebuilds its search index. Everything is checked before anything is written — the
 * directory and database are empty, every entry of the backup matches its checksum, this
 * application knows the backup's schema — and the restore is built in a folder beside the data
 * directory and moved into it at the end, so a refused or failed restore leaves it as it was.
 */
final class RestoreCommand {

    static final String NAME = "restore";
    static final String USAGE = "usage: java -jar kawaraban.jar restore --from=FILE [--data-dir=DIR] [--spring.datasource.url=… for an external PostgreSQL]"
            + " [--kawaraban.article.images.store=s3 --kawaraban.article.images.s3.…=… to copy the figures into an object store]";

    private final Path dataDir;
    private final PrintStream out;
    private final PrintStream err;

    RestoreCommand(Path dataDir, PrintStream out, PrintStream err) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.out = out;
        this.err = err;
    }

    int run(String[] args, Class<?> application) {
        CommandSettings.Arguments arguments = CommandSettings.parse(args, "--from=", err, USAGE);
        if (arguments == null) {
            return 1;
        }
        Path from = arguments.file();
        List<String> passed = arguments.settings();
        if (from == null || !Files.isRegularFile(from) || !Files.isReadable(from)) {
            err.println(from == null ? "Name the backup file with --from=FILE." : "Not a readable file: " + from);
            err.println(USAGE);
            return 1;
        }
        String occupied = occupied();
        if (occupied != null) {
            err.println(occupied);
            return 1;
        }
        CommandSettings settings = CommandSettings.of(passed);
        err.println("Checking " + from + "…");
        BackupArchive.Verified backup;
        try {
            ProgressBar checked = new ProgressBar(err, "bytes", System.console() != null);
            long total = Files.size(from);
            backup = BackupArchive.open(from, BackupCommand.every(checked, total));
            checked.finish(total, total);
        } catch (BackupArchive.Unreadable refused) {
            err.println(refused.getMessage());
            err.println("Nothing was restored; " + dataDir + " is as it was.");
            return 1;
        } catch (IOException e) {
            err.println("Could not read " + from + ": " + e.getMessage());
            return 1;
        }
        try (backup) {
            int exit = restore(backup, settings);
            if (exit != 0) {
                return exit;
            }
        } catch (IOException closing) {
            err.println("Could not close " + from + ": " + closing.getMessage());
        }
        err.println("Restored into " + dataDir + "; rebuilding the search index.");
        RebuildSearchCommand rebuild = new RebuildSearchCommand(dataDir, out, err);
        if (!figuresMove(passed)) {
            return rebuild.runHere(application, passed);
        }
        // The restored site keeps its figures elsewhere than the backed-up one (an object store, as
        // when an embedded site moves to several nodes): they are copied there in the same start.
        return rebuild.runHere(application, passed, context -> {
            try {
                int copied = context.getBean(FigureCopies.class).intoCurrentStore(dataDir.resolve("images"));
                out.println("Figures copied into the configured store: " + copied);
                return 0;
            } catch (RuntimeException failed) {
                err.println("図表を保存先に移せませんでした / Could not copy the figures into the configured store: "
                        + failed.getMessage() + ". Nothing is lost: the database keeps its figure rows and "
                        + dataDir.resolve("images") + " its files. Fix the store's settings and restore again into "
                        + "an empty data directory and database.");
                return 1;
            }
        });
    }

    /** Whether the restored site is told to keep figures in a store other than the database. */
    private static boolean figuresMove(List<String> settings) {
        return settings.stream().anyMatch(setting -> setting.startsWith("--kawaraban.article.images.store=")
                && !setting.endsWith("=database"));
    }

    /** Why the data directory cannot take a restore, or {@code null} when it is empty (or not there yet). */
    private String occupied() {
        if (!Files.exists(dataDir)) {
            return null;
        }
        if (!Files.isDirectory(dataDir)) {
            return "復元先がディレクトリではありません / " + dataDir + " is not a directory.";
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            if (entries.findAny().isPresent()) {
                return "復元先のデータディレクトリが空ではありません。空のディレクトリを指定してください / " + dataDir
                        + " is not empty: a restore goes into an empty data directory only. Nothing was changed.";
            }
        } catch (IOException e) {
            return "Cannot read " + dataDir + ": " + e.getMessage();
        }
        return null;
    }

    private int restore(BackupArchive.Verified backup, CommandSettings settings) {
        String external = settings.datasourceUrl();
        if (external != null) {
            try (var database = OperatorDatabase.external(external, settings.datasourceUser(), settings.datasourcePassword());
                 Connection connection = database.connect()) {
                List<String> tables = DatabaseLoad.existingTables(connection);
                if (!tables.isEmpty()) {
                    err.println("復元先のデータベースにはすでにテーブルがあります。空のデータベースを指定してください / The database at "
                            + external + " already has tables (" + String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                            + (tables.size() > 5 ? ", …" : "") + "): a restore goes into an empty database only. Nothing was changed.");
                    return 1;
                }
            } catch (IOException | SQLException e) {
                err.println("Could not reach the database at " + external + ": " + e.getMessage());
                return 1;
            }
        }
        Path staging;
        try {
            Files.createDirectories(dataDir.getParent());
            staging = Files.createTempDirectory(dataDir.getParent(), "." + dataDir.getFileName() + ".restoring-");
        } catch (IOException e) {
            err.println("Could not create a folder beside " + dataDir + ": " + e.getMessage());
            return 1;
        }
        DatabaseLoad load = null;
        try {
            try (OperatorDatabase database = external != null
                    ? OperatorDatabase.external(external, settings.datasourceUser(), settings.datasourcePassword())
                    : OperatorDatabase.embedded(staging)) {
                load = new DatabaseLoad(database.url(), database.user(), database.password(), settings.migrationLocations());
                String incompatible = load.incompatibility(backup.manifest());
                if (incompatible != null) {
                    err.println(incompatible);
                    load = null; // nothing created
                    discard(staging);
                    return 1;
                }
                err.println("Restoring the database into " + (external != null ? database.description()
                        : "a new embedded database for " + dataDir) + "…");
                ProgressBar rows = new ProgressBar(err, "rows", System.console() != null);
                long total = backup.manifest().rows();
                rows.show(0, total);
                load.load(backup, done -> rows.show(done, total));
                rows.finish(total, total);
            }
            Files.deleteIfExists(staging.resolve("kawaraban.lock")); // the embedded server's claim, released by now
            writeFiles(backup, staging);
            moveIntoPlace(staging);
            out.printf("Restored %,d rows in %d tables and %d files from the backup of %s.%n", backup.manifest().rows(),
                    backup.manifest().tables().size(), backup.manifest().files().size(), backup.manifest().createdAt());
            return 0;
        } catch (IOException | SQLException | RuntimeException failed) {
            err.println("復元できませんでした / The restore failed: " + failed.getMessage());
            if (external != null && load != null) {
                try {
                    load.dropAll();
                    err.println("The tables it had created in " + external + " were dropped again.");
                } catch (SQLException e) {
                    err.println("Could not drop the tables it had created in " + external + ": " + e.getMessage());
                }
            }
            discard(staging);
            err.println(dataDir + " is as it was.");
            return 1;
        }
    }

    private void writeFiles(BackupArchive.Verified backup, Path staging) throws IOException {
        int done = 0;
        int total = backup.manifest().files().size();
        if (total == 0) {
            return;
        }
        ProgressBar bar = new ProgressBar(err, "files", System.console() != null);
        bar.show(0, total);
        for (BackupArchive.StoredFile stored : backup.manifest().files()) {
            Path path = staging.resolve(BackupArchive.safePath(stored.path())); // checked when the backup was opened
            Files.createDirectories(path.getParent());
            try (InputStream in = backup.open(stored.entry())) {
                Files.copy(in, path);
            }
            bar.show(++done, total);
        }
        bar.finish(done, total);
    }

    private void moveIntoPlace(Path staging) throws IOException {
        if (!Files.exists(dataDir)) {
            Files.move(staging, dataDir, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        try (Stream<Path> entries = Files.list(staging)) {
            for (Path entry : entries.toList()) {
                Files.move(entry, dataDir.resolve(entry.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.delete(staging);
    }

    private void discard(Path staging) {
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                } catch (DirectoryNotEmptyException ignored) {
                    // left for the operator; named as a restore's leftover
                }
            }
        } catch (IOException e) {
            err.println("Could not remove " + staging + ": " + e.getMessage());
        }
    }
}
