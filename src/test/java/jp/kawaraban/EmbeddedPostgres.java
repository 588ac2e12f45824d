package jp.kawaraban;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The PostgreSQL server an application started itself on its data directory, as a test that
 * crashes it sees it: its postmaster (the process named in {@code postgres/postmaster.pid}),
 * killed with SIGKILL, and its port, which the test may hold so the application's watchdog
 * cannot start the server again until the test lets go.
 */
public final class EmbeddedPostgres {

    private final ProcessHandle postmaster;
    private final int port;

    private EmbeddedPostgres(ProcessHandle postmaster, int port) {
        this.postmaster = postmaster;
        this.port = port;
    }

    /** The server running now on the application's data directory {@code dataDir}. */
    public static EmbeddedPostgres of(Path dataDir) throws IOException {
        List<String> pidFile = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        long pid = Long.parseLong(pidFile.getFirst().strip());
        return new EmbeddedPostgres(ProcessHandle.of(pid).orElseThrow(), Integer.parseInt(pidFile.get(3).strip()));
    }

    public long pid() {
        return postmaster.pid();
    }

    /** SIGKILL to the postmaster; returns once it is gone. */
    public void kill() {
        assertThat(postmaster.destroyForcibly()).as("SIGKILL to the postmaster").isTrue();
        await().until(this::gone);
    }

    /**
     * Takes the server's port on every address of localhost, and closes each connection made to
     * it at once: the server cannot listen there again, and connecting fails straight away, as it
     * does with nothing listening. Closing what this returns lets go of the port.
     */
    public AutoCloseable holdPort() throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        for (InetAddress address : InetAddress.getAllByName("localhost")) {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true); // the dead server's connections may still be closing
            socket.bind(new InetSocketAddress(address, port));
            held.add(socket);
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        socket.accept().close();
                    } catch (IOException e) {
                        // closed by the test
                    }
                }
            });
        }
        return () -> {
            for (ServerSocket socket : held) {
                socket.close();
            }
        };
    }

    /** Dead, or a zombie nobody reaps (which the JDK still calls alive). */
    private boolean gone() {
        if (!postmaster.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(postmaster.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (IOException e) {
            return Files.isDirectory(Path.of("/proc")); // gone from /proc, or no /proc to ask
        }
    }
}
