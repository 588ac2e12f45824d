package jp.kawaraban.platform.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the application is killed without a chance to shut down (kill -9), the embedded
 * PostgreSQL it started keeps running and holds the data directory, and the next start fails
 * with "lock file postmaster.pid already exists". Each running application holds an OS file
 * lock on {@code <data-dir>/kawaraban.lock}; the OS drops it when the process dies. So a
 * PostgreSQL running on the directory while nobody holds the lock was left behind, and is
 * stopped cleanly; while another application holds it, starting is refused with a clear message.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    /** Held for the life of the JVM; never closed on purpose. */
    private static final Map<Path, FileLock> HELD = new ConcurrentHashMap<>();

    private OrphanedPostgres() {
    }

    /** Claims the data directory for this application and stops a server a killed one left running. */
    static void claim(Path dataDirectory) throws IOException {
        Path parent = dataDirectory.getParent();
        FileChannel channel = FileChannel.open(parent.resolve("kawaraban.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("The data directory " + parent
                    + " is in use by another running Kawaraban. Stop it, or give this one its own kawaraban.data-dir.");
        }
        HELD.put(parent, lock);
        stopLeftBehindServer(dataDirectory);
    }

    /**
     * Whether an application (in another process, or started in this one) holds the data
     * directory: its database is running and belongs to it. Takes the lock for a moment to
     * find out, and gives it back.
     */
    static boolean heldElsewhere(Path dataDirectory) throws IOException {
        Path parent = dataDirectory.getParent();
        if (HELD.containsKey(parent)) {
            return true;
        }
        if (!Files.exists(parent.resolve("kawaraban.lock"))) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(parent.resolve("kawaraban.lock"), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** Releases the claim of an operator command that stopped its server (a site keeps it for life). */
    static void release(Path dataDirectory) throws IOException {
        FileLock lock = HELD.remove(dataDirectory.getParent());
        if (lock != null) {
            lock.channel().close();
        }
    }

    private static void stopLeftBehindServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty() : parsePid(lines.getFirst())
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).filter(OrphanedPostgres::isPostgres);
        if (server.isEmpty()) {
            return; // a stale file: PostgreSQL itself ignores it when the process is gone
        }
        ProcessHandle postgres = server.get();
        log.warn("Stopping the embedded PostgreSQL (pid {}) left running by an application that was killed",
                postgres.pid());
        postgres.destroy(); // SIGTERM: smart shutdown; the killed application's connections are gone
        try {
            postgres.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the PostgreSQL left running on " + dataDirectory, e);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
    }
}
