package jp.kawaraban.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.kawaraban.platform.operator.OperatorToken;
import jp.kawaraban.search.IndexRebuilds;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The site an operator command works on: the one running on the data directory, found by
 * the {@code operator.json} it wrote (address and token), or the application started by the
 * command itself on a loopback port nobody else reaches.
 */
final class OperatorSite {

    private OperatorSite() {
    }

    /** A running site's loopback address and the {@code Authorization} header it accepts. */
    record Running(Path file, String url, String authorization) {
    }

    /** The running site's address, when {@code operator.json} is there (it may be stale: the caller finds out). */
    static Optional<Running> running(Path dataDir) throws IOException {
        Path file = dataDir.resolve(OperatorToken.FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode operator = JsonMapper.builder().build().readTree(Files.readString(file));
        return Optional.of(new Running(file, operator.get("url").asString(), "Bearer " + operator.get("token").asString()));
    }

    /**
     * The whole application on {@code dataDir}, listening on a free loopback port only, its log
     * kept to warnings. Background work (indexing what the command changed) is waited for
     * when the context closes.
     *
     * @param args the application's own configuration given to the command, e.g. {@code --spring.datasource.url=…}
     */
    static ConfigurableApplicationContext start(Class<?> application, Path dataDir, List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--kawaraban.data-dir=" + dataDir);
        return new SpringApplicationBuilder(application)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=WARN", "server.port=0", "server.address=127.0.0.1",
                        "spring.task.execution.shutdown.await-termination=true",
                        "spring.task.execution.shutdown.await-termination-period=60s")
                .run(all.toArray(String[]::new));
    }

    /**
     * Waits until the started application has no background work left — article events whose
     * listeners (indexing, tagging) have not finished, a rebuild of an empty index — so closing
     * it does not cut that work off (it would be replayed at the next start, but the log would
     * fill with errors meanwhile). Failed publications are not waited for. Gives up after
     * {@code patience}.
     */
    static void settle(ConfigurableApplicationContext context, Duration patience) throws InterruptedException {
        EventPublicationRegistry events = context.getBean(EventPublicationRegistry.class);
        IndexRebuilds rebuilds = context.getBean(IndexRebuilds.class);
        Instant until = Instant.now().plus(patience);
        int quiet = 0;
        while (quiet < 4 && Instant.now().isBefore(until)) { // quiet for a second: nothing handed out more work
            boolean idle = !rebuilds.progress().running() && events.findIncompletePublications().stream()
                    .noneMatch(publication -> publication.getStatus() != EventPublication.Status.FAILED);
            quiet = idle ? quiet + 1 : 0;
            Thread.sleep(250);
        }
    }
}
