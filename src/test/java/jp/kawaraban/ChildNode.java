package jp.kawaraban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An application node in a JVM of its own (the application's main class on the test class path,
 * its own data directory and port), for tests of several nodes: as an operator starts one, and
 * stopped as the kernel stops one ({@code kill -9}).
 */
public final class ChildNode {

    /** A start-up took 110 s on a loaded machine. */
    public static final Duration START_UP = Duration.ofMinutes(5);

    /**
     * A JUnit resource lock for the tests that start several nodes: two such tests at once are
     * four JVMs starting on two cores, and the bounds they assert (2 s to search) then measure
     * the machine.
     */
    public static final String CORES = "jp.kawaraban.ChildNode.cores";

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ChildNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a node on a free port with its data directory under {@code work}.
     *
     * @param arguments   the application's arguments besides port, address and data directory
     * @param environment variables added to the node's environment (settings kept out of its command line)
     */
    public static ChildNode start(String name, Path work, List<String> arguments, Map<String, String> environment)
            throws IOException {
        return start(name, freePort(), work, arguments, environment);
    }

    /** Starts a node on {@code port}: a node started again where a killed one ran. */
    public static ChildNode start(String name, int port, Path work, List<String> arguments, Map<String, String> environment)
            throws IOException {
        Path dataDir = Files.createDirectories(work.resolve(name + "-" + System.nanoTime()));
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m",
                "-cp", classPath, KawarabanApplication.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1", "--kawaraban.data-dir=" + dataDir));
        command.addAll(arguments);
        Path log = work.resolve(dataDir.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ChildNode(name, port, builder.start(), log);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** Waits until this node answers its health check on its port (its log says it is its own). @return when it did */
    public Instant awaitUp() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
        await("node " + name + " up (log: " + log + ")").atMost(START_UP).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(process.isAlive()).as("node " + name + " is running (log: " + log + ")").isTrue();
            try {
                return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                        && Files.readString(log).contains("Tomcat started on port " + port);
            } catch (IOException notYet) {
                return false;
            }
        });
        return Instant.now();
    }

    /** Waits until this node's Flyway has migrated the database (before a second node starts on it). */
    public void awaitMigrated() {
        await("node " + name + " migrated the database (log: " + log + ")").atMost(START_UP)
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    assertThat(process.isAlive()).as("node " + name + " is running (log: " + log + ")").isTrue();
                    String output = Files.readString(log);
                    return output.contains("Successfully applied") || output.contains("is up to date");
                });
    }

    /** SIGKILL, as the kernel or an operator's {@code kill -9} would. */
    public void kill() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A port the system calls free. Random rather than from a fixed range: the same test of another
     * checkout on this machine once picked the same port at the same moment.
     */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return name + " on port " + port;
    }
}
