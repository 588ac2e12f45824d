package jp.kawaraban.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * One real OpenSearch node (3.3, from Maven Central) for the whole test run, in a JVM of its
 * own: OpenSearch is built on Lucene 10.3 and the application on 10.5, which cannot share a
 * class path. Its class path is {@code src/test/opensearch-node/pom.xml}'s, asked of Maven once
 * and kept in {@code target/opensearch-node/classpath.txt}. It listens on a free port between 9210
 * and 9299 (the runner takes no other), keeps its data under {@code target/opensearch-node/}, and can be stopped
 * and started again on the same port and data, as an outage would.
 */
public final class OpenSearchNode {

    /**
     * A JUnit resource lock held by a test that stops the shared node (an outage) and by a test of
     * other processes that must not see it away meanwhile ({@code AllPartsTogetherTest}).
     */
    public static final String UP_THROUGHOUT = "jp.kawaraban.search.OpenSearchNode.up-throughout";

    /** The system property the OpenSearch application's settings read the address from. */
    static final String URI_PROPERTY = "kawaraban.test.opensearch-uri";

    private static final Path ROOT = Path.of("target", "opensearch-node").toAbsolutePath();
    private static OpenSearchNode shared;

    private final Path home = ROOT.resolve(UUID.randomUUID().toString());
    /**
     * A cluster name of this run's own: nodes of one name find each other on this machine's
     * transport ports, and a node of another test run joined ours once (it received that
     * cluster's state and never came back after the outage test restarted it).
     */
    private static final String CLUSTER = "kawaraban-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final int port = freePort();
    private Process process;

    private OpenSearchNode() {
    }

    /** The node of this test run, started on first use and stopped when the JVM ends. */
    public static synchronized OpenSearchNode shared() {
        if (shared == null) {
            OpenSearchNode node = new OpenSearchNode();
            node.start();
            Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "opensearch-node-stop"));
            System.setProperty(URI_PROPERTY, node.uri().toString());
            shared = node;
        }
        return shared;
    }

    /** Starts the shared node before the class's application reads its address. */
    public static final class Started implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            shared();
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(home);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // The runner gives node n the first free port from base + n. In tests a small heap and
            // C1 alone (the node starts sooner and leaves the cores to the tests); in a benchmark
            // the JVM a server would run.
            List<String> jvm = Boolean.getBoolean("kawaraban.bench")
                    ? List.of("-Xms1g", "-Xmx1g")
                    : List.of("-Xms320m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
            List<String> command = new java.util.ArrayList<>(List.of(java));
            command.addAll(jvm);
            command.addAll(List.of("-cp", classPath(), "org.codelibs.opensearch.runner.OpenSearchRunner",
                    "-basePath", home.toString(), "-numOfNode", "1", "-baseHttpPort", String.valueOf(port - 1),
                    "-clusterName", CLUSTER, "-printOnFailure",
                    "-moduleTypes", "org.opensearch.transport.Netty4ModulePlugin,org.opensearch.analysis.common.CommonAnalysisModulePlugin"));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("node.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the OpenSearch node", e);
        }
        HttpClient http = HttpClient.newHttpClient();
        await("OpenSearch on port " + port + " (log: " + home.resolve("node.log") + ")")
                .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("The OpenSearch node stopped; see " + home.resolve("node.log"));
                    }
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                                    uri().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return health.statusCode() == 200;
                });
    }

    /** Stops the node as an outage would (its process ends); its data stays for {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The node's class path, resolved by Maven from {@code src/test/opensearch-node/pom.xml} on
     * the first run and kept in {@code target/}: the test build's own class path holds our Lucene.
     */
    private static String classPath() throws IOException {
        Path kept = ROOT.resolve("classpath.txt");
        if (!Files.exists(kept)) {
            Files.createDirectories(ROOT);
            Path project = Path.of("").toAbsolutePath();
            boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
            ProcessBuilder maven = new ProcessBuilder(project.resolve(windows ? "mvnw.cmd" : "mvnw").toString(),
                    "-q", "-B", "-f", project.resolve("src/test/opensearch-node/pom.xml").toString(),
                    "dependency:build-classpath", "-Dmdep.outputFile=" + kept)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(ROOT.resolve("maven.log").toFile()));
            maven.environment().put("JAVA_HOME", System.getProperty("java.home"));
            try {
                int exit = maven.start().waitFor();
                if (exit != 0 || !Files.exists(kept)) {
                    throw new IllegalStateException("Maven could not resolve the OpenSearch node (exit " + exit + "); see "
                            + ROOT.resolve("maven.log"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Files.readString(kept).strip();
    }

    /**
     * A free port the runner accepts: it looks for one from the base it is given up to 9299 and
     * takes the first free one, so the base is set just below a port found free among those.
     */
    private static int freePort() {
        List<Integer> ports = new java.util.ArrayList<>(java.util.stream.IntStream.rangeClosed(9210, 9299).boxed().toList());
        java.util.Collections.shuffle(ports);
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // the next one
            }
        }
        throw new IllegalStateException("No free port between 9210 and 9299 for the OpenSearch node");
    }

    /** For log messages. */
    @Override
    public String toString() {
        return "OpenSearchNode" + List.of(uri(), home);
    }
}
