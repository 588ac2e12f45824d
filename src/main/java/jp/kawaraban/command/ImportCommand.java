package jp.kawaraban.command;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import jp.kawaraban.editorial.AuditLog;
import jp.kawaraban.editorial.GivenSource;
import jp.kawaraban.editorial.ImportException;
import jp.kawaraban.editorial.ImportMode;
import jp.kawaraban.editorial.PartnerPages;
import jp.kawaraban.platform.operator.OperatorToken;
import jp.kawaraban.search.IndexingBacklog;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar kawaraban.jar import [--dry-run | --publish] [--data-dir=DIR] FILE|FOLDER...}:
 * imports partner pages as drafts (or publishes them as they are, or stores nothing), one JSON
 * object per file on stdout, a progress bar on stderr. Like {@code rebuild-search}, it sends
 * each file to the site running on the data directory, or starts the application on a loopback
 * port when none runs. A file that cannot be imported gets its {@code "error"} and the batch
 * goes on. Exit code 0 when every file was imported, 2 when some were not, 1 on a usage error
 * or when nothing can be imported (a site not set up yet has no sections).
 */
final class ImportCommand {

    static final String NAME = "import";
    static final String USAGE = "usage: java -jar kawaraban.jar import [--dry-run | --publish] [--data-dir=DIR] [--batch=FILES]"
            + " [--source=NAME [--source-url=URL]] FILE|FOLDER...";

    private final Path dataDir;
    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ImportCommand(Path dataDir, PrintStream out, PrintStream err) {
        this.dataDir = dataDir;
        this.out = out;
        this.err = err;
    }

    /** What the command line asks for; {@code null} from {@link #parse} after a usage error. */
    record Request(ImportMode mode, List<Path> files, List<String> applicationArgs, int batch, String sourceName,
                   String sourceUrl) {
    }

    Request parse(String[] args) {
        ImportMode mode = ImportMode.DRAFT;
        List<Path> files = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        boolean flagged = false;
        int batch = BATCH;
        String sourceName = null;
        String sourceUrl = null;
        for (String arg : args) {
            if (arg.equals("--dry-run") || arg.equals("--publish")) {
                if (flagged) {
                    err.println("Give at most one of --dry-run and --publish.");
                    return null;
                }
                flagged = true;
                mode = arg.equals("--dry-run") ? ImportMode.DRY_RUN : ImportMode.PUBLISH;
            } else if (arg.startsWith("--source=")) {
                sourceName = arg.substring("--source=".length()).strip();
                if (sourceName.isEmpty()) {
                    err.println("--source needs the outlet's name: --source=NAME");
                    return null;
                }
            } else if (arg.startsWith("--source-url=")) {
                sourceUrl = arg.substring("--source-url=".length()).strip();
                try {
                    GivenSource.typed(null, sourceUrl);
                } catch (ImportException notAnAddress) {
                    err.println("--source-url must be an http or https address: " + sourceUrl);
                    return null;
                }
            } else if (arg.startsWith("--batch=")) {
                try {
                    batch = Integer.parseInt(arg.substring("--batch=".length()));
                } catch (NumberFormatException notANumber) {
                    batch = 0;
                }
                if (batch < 1 || batch > 10_000) {
                    err.println("--batch takes a number of files from 1 to 10000: " + arg);
                    return null;
                }
            } else if (arg.startsWith("--data-dir=") || arg.startsWith("--kawaraban.data-dir=")) {
                continue; // found by DataDirectory
            } else if (arg.startsWith("--") && arg.contains("=")) {
                passed.add(arg); // the application's own configuration, e.g. --spring.datasource.url=…
            } else if (arg.startsWith("-")) {
                err.println("Unknown option: " + arg);
                return null;
            } else if (Files.isDirectory(Path.of(arg))) {
                if (!addFilesUnder(Path.of(arg), files)) {
                    return null;
                }
            } else {
                files.add(Path.of(arg));
            }
        }
        if (files.isEmpty()) {
            err.println("Name at least one file to import.");
            return null;
        }
        if (sourceUrl != null && files.size() > 1) {
            // The address names one original page; given to many, every page would be taken for a second copy of the first.
            err.println("--source-url is the address of one page: give it with one file (" + files.size() + " given).");
            return null;
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                err.println("Not a readable file: " + file);
                return null;
            }
        }
        return new Request(mode, files, passed, batch, sourceName, sourceUrl);
    }

    /**
     * An archive is a folder: every regular file under it, in name order (so a second run goes
     * the same way). Hidden files (a desktop's {@code .DS_Store}) are not pages.
     */
    private boolean addFilesUnder(Path dir, List<Path> files) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(files::add);
            return true;
        } catch (IOException | UncheckedIOException unreadable) {
            err.println("Cannot read the folder " + dir + ": " + unreadable.getMessage());
            return false;
        }
    }

    int run(String[] args, Class<?> application) {
        Request request = parse(args);
        if (request == null) {
            err.println(USAGE);
            return 1;
        }
        Path operatorFile = dataDir.resolve(OperatorToken.FILE);
        if (Files.exists(operatorFile)) {
            try {
                OperatorSite.Running site = OperatorSite.running(dataDir).orElseThrow();
                http.send(HttpRequest.newBuilder(URI.create(site.url() + "/actuator/health")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                err.println("Importing through the site running at " + site.url() + ".");
                return each(request, (name, bytes) -> remote(site.url(), site.authorization(), request, name, bytes));
            } catch (ConnectException gone) {
                err.println("No site answers at the address in " + operatorFile + " (stopped without cleaning up?); importing here instead.");
            } catch (IOException | RuntimeException unreadable) {
                err.println("Could not reach the running site: " + unreadable.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }
        return local(request, application);
    }

    private interface Importer {
        String importFile(String name, byte[] bytes) throws IOException, InterruptedException;
    }

    /** Imports a batch of files at once: one report line per file given, in their order. */
    private interface BatchImporter {
        List<String> importFiles(List<PartnerPages.PageFile> files) throws InterruptedException;
    }

    /**
     * Files stored together in one transaction by a command that runs the import itself: large
     * enough that commits stop counting, small enough that a kill loses little (the batch in
     * flight is rolled back and stored by the next run) and the progress bar moves.
     */
    static final int BATCH = 250;

    /** Imports every file in turn, one JSON line each, the bar redrawn after each. */
    private int each(Request request, Importer importer) throws InterruptedException {
        return batches(request, 1, files -> {
            List<String> lines = new ArrayList<>();
            for (PartnerPages.PageFile file : files) {
                try {
                    lines.add(importer.importFile(file.name(), file.bytes()));
                } catch (IOException failure) {
                    lines.add(failure(file.name(), "ファイルを読めませんでした / Could not read the file or reach the site: "
                            + failure.getMessage()));
                }
            }
            return lines;
        });
    }

    /** Imports the files {@code size} at a time, one JSON line each, the bar redrawn after each batch. */
    private int batches(Request request, int size, BatchImporter importer) throws InterruptedException {
        ProgressBar bar = new ProgressBar(err, "files", System.console() != null);
        int failed = 0;
        int done = 0;
        int total = request.files().size();
        bar.show(0, total);
        for (int from = 0; from < total; from += size) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            List<PartnerPages.PageFile> readable = new ArrayList<>();
            Map<Integer, String> unreadable = new LinkedHashMap<>();
            List<Path> batch = request.files().subList(from, Math.min(total, from + size));
            for (int i = 0; i < batch.size(); i++) {
                try {
                    readable.add(new PartnerPages.PageFile(batch.get(i).toString(), Files.readAllBytes(batch.get(i))));
                } catch (IOException failure) {
                    unreadable.put(i, failure(batch.get(i).toString(), "ファイルを読めませんでした / Could not read the file: "
                            + failure.getMessage()));
                }
            }
            List<String> imported = readable.isEmpty() ? List.of() : importer.importFiles(readable);
            for (int i = 0, next = 0; i < batch.size(); i++) {
                String line = unreadable.containsKey(i) ? unreadable.get(i) : imported.get(next++);
                if (json.readTree(line).has("error")) {
                    failed++;
                }
                out.println(line);
            }
            out.flush();
            done += batch.size();
            bar.show(done, total);
        }
        bar.finish(done, total);
        err.println((done - failed) + " of " + done + " files imported"
                + (request.mode() == ImportMode.DRY_RUN ? " (dry run: nothing stored)." : "."));
        return failed == 0 ? 0 : 2;
    }

    private String remote(String url, String authorization, Request request, String name, byte[] bytes)
            throws IOException, InterruptedException {
        String modeName = switch (request.mode()) {
            case DRAFT -> "draft";
            case PUBLISH -> "publish";
            case DRY_RUN -> "dry-run";
        };
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/operator/import?mode=" + modeName
                        + (request.sourceName() == null ? "" : "&source=" + URLEncoder.encode(request.sourceName(), StandardCharsets.UTF_8))
                        + (request.sourceUrl() == null ? "" : "&sourceUrl=" + URLEncoder.encode(request.sourceUrl(), StandardCharsets.UTF_8))))
                .header("Authorization", authorization)
                .header("Content-Type", "application/octet-stream")
                .header("X-Import-File", URLEncoder.encode(name, StandardCharsets.UTF_8))
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            return failure(name, "サイトが取り込みを受け付けませんでした / The site answered " + response.statusCode());
        }
        return json.writeValueAsString(json.readTree(response.body())); // one line, whatever the site's layout
    }

    private int local(Request request, Class<?> application) {
        err.println("No site is running on " + dataDir + ": starting the application here to import.");
        // stdout carries the JSON lines only: the application's log goes to stderr meanwhile.
        PrintStream stdout = System.out;
        System.setOut(err);
        // Published imports (and, in a new data directory, the demo edition) are indexed in the background.
        try (var context = OperatorSite.start(application, dataDir, request.applicationArgs())) {
            PartnerPages imports = context.getBean(PartnerPages.class);
            try {
                imports.checkReady();
            } catch (ImportException notSetUp) { // said once, not once a file
                err.println(imports.describe(notSetUp, Locale.JAPANESE) + " / " + imports.describe(notSetUp, Locale.ENGLISH));
                return 1;
            }
            int exit;
            // Lists wait for the last batch, so each is computed once against the whole archive.
            try (var listsHeld = context.getBean(IndexingBacklog.class).holdListsUntilClosed()) {
                exit = batches(request, request.batch(), files -> imports.reportAll(files, request.mode(), AuditLog.Actor.OPERATOR,
                                GivenSource.typed(request.sourceName(), request.sourceUrl()))
                        .stream().map(json::writeValueAsString).toList());
            }
            err.println("Waiting for the search index to take the imported articles in and compute their recommendations…");
            OperatorSite.settle(context, Duration.ofMinutes(5),
                    new ProgressBar(err, "search steps (index, then lists)", System.console() != null));
            return exit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            System.setOut(stdout);
        }
    }

    private String failure(String file, String error) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file);
        line.put("error", error);
        return json.writeValueAsString(line);
    }
}
