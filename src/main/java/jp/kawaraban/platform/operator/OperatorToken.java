package jp.kawaraban.platform.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.annotation.PreDestroy;
import jp.kawaraban.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How operator commands run from the jar ({@code java -jar kawaraban.jar rebuild-search})
 * reach the site that is running on the same data directory: once the server listens, the
 * site writes its local address and a fresh random token to {@code <data-dir>/operator.json},
 * readable by the file's owner only, and accepts that token on {@code /operator/**}. Whoever
 * can read the data directory can already read the database, so the token grants nothing
 * more; it is new at every start and the file is removed at shutdown.
 */
@Component
public class OperatorToken {

    public static final String FILE = "operator.json";
    private static final Logger log = LoggerFactory.getLogger(OperatorToken.class);

    private final Path file;
    private final byte[] token;
    private volatile boolean published;

    OperatorToken(PlatformProperties properties) {
        this.file = properties.dataDir().resolve(FILE);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether a request's bearer token is this run's, compared in constant time. */
    public boolean accepts(String presented) {
        return presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.US_ASCII));
    }

    @EventListener
    void publish(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // a management server on its own port: the site's address is the one that counts
        }
        String json = "{\"url\": \"http://127.0.0.1:" + event.getWebServer().getPort() + "\", \"token\": \""
                + new String(token, StandardCharsets.US_ASCII) + "\"}\n";
        try {
            Files.createDirectories(file.getParent());
            Path written = Files.createTempFile(file.getParent(), "operator", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(written, json);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            published = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    @PreDestroy
    void remove() {
        if (!published) {
            return; // not ours: e.g. a command run without a web server
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove {}: operator commands will find it and fail to connect", file, e);
        }
    }
}
