package jp.kawaraban.platform.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL the application started, kept running. A watchdog looks every second whether
 * its postmaster is still alive; when it is gone without the application having asked (kill -9,
 * the kernel's out-of-memory killer), it is started again with {@code pg_ctl} on the same data
 * directory and the <em>same port</em>, so the connection pool's JDBC URL stays valid and the
 * pool reconnects by itself. PostgreSQL replays its write-ahead log on that start (crash
 * recovery), so every committed transaction is there again; it also deals with the stale
 * {@code postmaster.pid} itself, and refuses to start while a backend of the dead server still
 * holds its shared memory, in which case the next round tries again.
 * <p>
 * The first start is zonky's ({@link EmbeddedPostgres}); its {@link EmbeddedPostgres#close()}
 * ({@code pg_ctl stop} on the data directory) stops whichever postmaster runs there at the end,
 * the first one or a restarted one. {@link #close()} stops the watchdog before that, and a JVM
 * shutdown stops it too, so a normal stop never looks like a crash.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);
    /** Crash recovery replays the log written since the last checkpoint (at most minutes of it). */
    private static final Duration START_WAIT = Duration.ofSeconds(120);

    private final EmbeddedServer server;
    private final EmbeddedPostgres postgres;
    private final Path directory;
    private final Map<String, String> serverConfig;
    private final Path pgCtl;
    private final ScheduledExecutorService watchdog;
    private final Thread shutdownHook;
    private final List<Runnable> crashListeners = new CopyOnWriteArrayList<>();
    private volatile ProcessHandle postmaster;
    private volatile boolean stopping;
    /** When the current outage began (nanoTime), or 0 while the server runs. */
    private long downSince;
    private boolean portTakenReported;

    EmbeddedDatabase(EmbeddedServer server) throws IOException {
        this.server = server;
        this.postgres = server.postgres();
        this.directory = server.directory();
        this.serverConfig = EmbeddedServer.SERVER_CONFIG;
        this.postmaster = postmasterOf(directory).orElseThrow(() -> new IllegalStateException(
                "The embedded PostgreSQL started, but no running postmaster is named in " + directory.resolve("postmaster.pid")));
        // The binaries zonky unpacked: pg_ctl sits beside the running postgres.
        this.pgCtl = postmaster.info().command().map(Path::of).map(command -> command.resolveSibling("pg_ctl"))
                .filter(Files::isExecutable).orElse(null);
        this.shutdownHook = new Thread(() -> stopping = true, "embedded-postgres-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("embedded-postgres-watchdog").factory());
        if (pgCtl == null) {
            log.warn("Cannot find pg_ctl beside the embedded PostgreSQL (pid {}): it will not be restarted if it dies",
                    postmaster.pid());
        } else {
            watchdog.scheduleWithFixedDelay(this::watch, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    int port() {
        return postgres.getPort();
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    String jdbcUrl() {
        return server.jdbcUrl();
    }

    /** The process id of the postmaster running now. */
    long postmasterPid() {
        return postmaster.pid();
    }

    /** Runs {@code listener} (on the watchdog's thread) each time the server is found dead. */
    void onCrash(Runnable listener) {
        crashListeners.add(listener);
    }

    private void watch() {
        try {
            if (stopping || isRunning(postmaster)) {
                return;
            }
            if (downSince == 0) {
                downSince = System.nanoTime();
                log.warn("The embedded PostgreSQL (pid {}) stopped without the application asking it to; "
                        + "starting it again on port {} with data in {}", postmaster.pid(), port(), directory);
                crashListeners.forEach(Runnable::run);
            }
            restart();
        } catch (RuntimeException e) {
            log.error("The watchdog of the embedded PostgreSQL failed; it looks again in a second", e);
        }
    }

    private void restart() {
        if (!portIsFree()) {
            if (!portTakenReported) {
                log.error("Cannot start the embedded PostgreSQL again: port {} is now taken by another process. "
                        + "The application's connections are made to this port, so it keeps trying until the port is free "
                        + "(or restart the application).", port());
                portTakenReported = true;
            }
            return;
        }
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // PostgreSQL refuses to run as root; zonky then runs it in a user namespace of its own, and so do we.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", directory.toString(),
                "-o", serverOptions(), "-w", "-t", Long.toString(START_WAIT.toSeconds()), "start"));
        try {
            Process ctl = new ProcessBuilder(command).redirectErrorStream(true).start();
            // The postmaster inherits pg_ctl's output and keeps writing its log there after pg_ctl
            // exits: it is read for as long as it lasts, or the server would block on a full pipe.
            Thread.ofPlatform().daemon().name("embedded-postgres-log").start(() -> relay(ctl));
            if (!ctl.waitFor(START_WAIT.toSeconds() + 10, TimeUnit.SECONDS) || ctl.exitValue() != 0) {
                log.warn("The embedded PostgreSQL did not start again (see its log above); trying again in a second");
                return;
            }
        } catch (IOException e) {
            log.warn("Could not run {} to start the embedded PostgreSQL again; trying again in a second", pgCtl, e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Optional<ProcessHandle> started = postmasterOf(directory);
        if (started.isEmpty()) {
            log.warn("pg_ctl reported the embedded PostgreSQL started, but no running postmaster is named in {}; "
                    + "looking again in a second", directory.resolve("postmaster.pid"));
            return;
        }
        postmaster = started.get();
        long millis = Duration.ofNanos(System.nanoTime() - downSince).toMillis();
        log.warn("The embedded PostgreSQL runs again (pid {}, port {}), {} ms after it was found stopped; "
                + "crash recovery is done and connections reconnect by themselves", postmaster.pid(), port(), millis);
        downSince = 0;
        portTakenReported = false;
    }

    /** The same settings as the first start, given on the command line as zonky does. */
    private String serverOptions() {
        StringBuilder options = new StringBuilder("-p ").append(port());
        serverConfig.forEach((key, value) -> options.append(" -c ").append(key).append('=').append(value));
        return options.toString();
    }

    /** Whether the server could listen on its port: free on every address of "localhost", as it listens. */
    private boolean portIsFree() {
        try {
            for (InetAddress address : InetAddress.getAllByName("localhost")) {
                try (ServerSocket probe = new ServerSocket()) {
                    probe.setReuseAddress(true); // as PostgreSQL does: a closed connection's TIME_WAIT is no obstacle
                    probe.bind(new InetSocketAddress(address, port()));
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void relay(Process ctl) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(ctl.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.info("postgres: {}", line);
            }
        } catch (IOException e) {
            log.debug("The embedded PostgreSQL's output ended", e);
        }
    }

    /** The live postmaster named in the data directory's {@code postmaster.pid}, if any. */
    static Optional<ProcessHandle> postmasterOf(Path directory) {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.getFirst().strip())).filter(EmbeddedDatabase::isRunning);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Alive and not a zombie: a killed postmaster whose parent does not reap it (pg_ctl has
     * exited, and a container's first process may not reap orphans) still counts as alive for
     * {@link ProcessHandle#isAlive()}.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat);
            int end = line.lastIndexOf(')');
            return end < 0 || end + 2 >= line.length() || line.charAt(end + 2) != 'Z';
        } catch (IOException e) {
            return !Files.isDirectory(Path.of("/proc")) && process.isAlive(); // no /proc (macOS): trust the JDK
        }
    }

    @Override
    public void close() throws IOException {
        stopping = true;
        watchdog.shutdownNow();
        try {
            watchdog.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already; the hook has done its part
        }
        server.close(); // stops PostgreSQL and gives the data directory up
    }
}
