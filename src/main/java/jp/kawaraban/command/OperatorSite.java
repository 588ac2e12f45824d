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
import jp.kawaraban.search.IndexingBacklog;
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
     * Waits until the started application has no background work left — articles the search
     * index has still to take in or whose recommendation lists are still to be computed, event
     * publications whose listeners (My News tags) have not finished, a rebuild of an empty
     * index — so closing it does not cut that work off (the queue and the event publication
     * registry would take it up at the next start, but the command would not have done what it
     * said). Failed publications, and articles the queue gave up on, are not waited for. Gives
     * up only when nothing moved for {@code stall}: a large import takes its time.
     *
     * @param bar where the search backlog is drawn, or {@code null}
     */
    static void settle(ConfigurableApplicationContext context, Duration stall, ProgressBar bar) throws InterruptedException {
        EventPublicationRegistry events = context.getBean(EventPublicationRegistry.class);
        IndexRebuilds rebuilds = context.getBean(IndexRebuilds.class);
        IndexingBacklog backlog = context.getBean(IndexingBacklog.class);
        long total = -1;
        long lastLeft = -1;
        Instant moved = Instant.now();
        int quiet = 0;
        while (quiet < 4 && Instant.now().isBefore(moved.plus(stall))) { // quiet for a second: nothing handed out more work
            IndexingBacklog.Backlog left = backlog.now();
            // An article goes through two steps: indexed, then its list computed.
            long steps = 2 * left.toIndex() + left.toList();
            total = Math.max(total, steps);
            if (bar != null && total > 0) {
                bar.show(total - steps, total);
            }
            boolean idle = steps == 0 && !rebuilds.progress().running() && events.findIncompletePublications().stream()
                    .noneMatch(publication -> publication.getStatus() != EventPublication.Status.FAILED);
            long stillLeft = idle ? 0 : steps + 1;
            if (stillLeft != lastLeft) {
                moved = Instant.now();
                lastLeft = stillLeft;
            }
            quiet = idle ? quiet + 1 : 0;
            Thread.sleep(250);
        }
        if (bar != null && total > 0) {
            bar.finish(total - 2 * backlog.now().toIndex() - backlog.now().toList(), total);
        }
    }
}
