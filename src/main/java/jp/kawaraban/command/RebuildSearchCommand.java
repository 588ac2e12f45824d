package jp.kawaraban.command;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import jp.kawaraban.platform.operator.OperatorToken;
import jp.kawaraban.search.IndexRebuilds;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar kawaraban.jar rebuild-search [--data-dir=DIR]}: re-creates the search
 * index from the database with a progress bar on stderr. When a site runs on the data
 * directory, it rebuilds there and keeps serving the old index meanwhile (the command asks it
 * over HTTP with the token in {@code operator.json}); otherwise the command starts the
 * application on a loopback port nobody else reaches, rebuilds, and stops it.
 */
final class RebuildSearchCommand {

    static final String NAME = "rebuild-search";
    private static final Duration POLL = Duration.ofMillis(250);

    private final Path dataDir;
    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RebuildSearchCommand(Path dataDir, PrintStream out, PrintStream err) {
        this.dataDir = dataDir;
        this.out = out;
        this.err = err;
    }

    /** What a rebuild reports while it runs. */
    record Progress(boolean running, long done, long total, String error) {
    }

    int run(String[] args, Class<?> application) {
        Path operatorFile = dataDir.resolve(OperatorToken.FILE);
        if (Files.exists(operatorFile)) {
            try {
                return remote(operatorFile);
            } catch (ConnectException gone) {
                err.println("No site answers at the address in " + operatorFile
                        + " (stopped without cleaning up?); rebuilding here instead.");
            } catch (IOException | InterruptedException | RuntimeException failed) {
                err.println("Could not ask the running site to rebuild: " + failed.getMessage());
                return 1;
            }
        }
        return local(application, List.of());
    }

    /**
     * Rebuilds by starting the application on the data directory, which no site runs on (a
     * restore's last step).
     *
     * @param applicationArgs the application's own configuration, e.g. {@code --spring.datasource.url=…}
     */
    int runHere(Class<?> application, List<String> applicationArgs) {
        return local(application, applicationArgs);
    }

    /**
     * Like {@link #runHere}, with a step of the caller's in the same start of the application,
     * before the rebuild (the restore's copy of figures into an object store).
     *
     * @param first a step that returns an exit code, 0 to go on with the rebuild
     */
    int runHere(Class<?> application, List<String> applicationArgs, ToIntFunction<ConfigurableApplicationContext> first) {
        err.println("No site is running on " + dataDir + ": starting the application here.");
        try (var context = OperatorSite.start(application, dataDir, applicationArgs)) {
            int exit = first.applyAsInt(context);
            return exit != 0 ? exit : rebuildIn(context);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    int remote(Path operatorFile) throws IOException, InterruptedException {
        OperatorSite.Running site = OperatorSite.running(dataDir).orElseThrow();
        URI endpoint = URI.create(site.url() + "/operator/search/rebuild");
        String authorization = site.authorization();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(endpoint).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        switch (started.statusCode()) {
            case 202 -> err.println("Rebuilding the search index of the site at " + site.url()
                    + "; it keeps serving the old index until the new one is complete.");
            case 409 -> err.println("A rebuild is already running on the site; following it.");
            case 401 -> {
                err.println("The site refused the token in " + operatorFile + ".");
                return 1;
            }
            default -> {
                err.println("The site answered " + started.statusCode() + " to the rebuild request.");
                return 1;
            }
        }
        return follow(() -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                        .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
                return json.readValue(response.body(), Progress.class);
            } catch (IOException e) {
                throw new IllegalStateException("Lost the site while rebuilding: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        });
    }

    private int local(Class<?> application, List<String> applicationArgs) {
        err.println("No site is running on " + dataDir + ": starting the application here to rebuild.");
        try (var context = OperatorSite.start(application, dataDir, applicationArgs)) {
            return rebuildIn(context);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private int rebuildIn(ConfigurableApplicationContext context) throws InterruptedException {
        IndexRebuilds rebuilds = context.getBean(IndexRebuilds.class);
        if (!rebuilds.start()) {
            err.println("A rebuild started by itself (the index was empty); following it.");
        }
        int exit = follow(() -> {
            IndexRebuilds.Progress now = rebuilds.progress();
            return new Progress(now.running(), now.done(), now.total(), now.error());
        });
        // What listens to the rebuild (My News tags from each analysed article) finishes before the application stops.
        OperatorSite.settle(context, Duration.ofMinutes(5), null);
        return exit;
    }

    private int follow(Supplier<Progress> progress) {
        ProgressBar bar = new ProgressBar(err, "articles", System.console() != null);
        Progress now = progress.get();
        while (now.running()) {
            bar.show(now.done(), now.total());
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
            now = progress.get();
        }
        bar.finish(now.done(), now.total());
        if (now.error() != null) {
            err.println("The rebuild failed: " + now.error() + " — the old index is still served.");
            return 1;
        }
        out.println("Search index rebuilt: " + now.done() + " articles.");
        return 0;
    }
}
