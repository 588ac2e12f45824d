package jp.kawaraban.command;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jp.kawaraban.KawarabanApplication;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestMail;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.internal.ImageStore;
import jp.kawaraban.article.internal.SwitchableImageStore;
import jp.kawaraban.editorial.FigureUploadTest;
import jp.kawaraban.newsletter.Newsletters;
import jp.kawaraban.platform.PlatformProperties;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code backup} of the running site while editors keep writing, {@code restore} into a new
 * data directory, and the restored site started on it: readers, members, editors and newsletter
 * links find what they found before. The backed-up site is the shared test application (on an
 * external PostgreSQL, as the tests run it); the restored one gets the embedded database, which
 * is why it is an application of its own, started here and stopped at the end of the test.
 * That embedded site then moves to the setup of several nodes (docs/deploy.md): its backup is
 * restored into a standalone PostgreSQL with its figures copied into an object store (s3proxy),
 * and a node started on them serves its articles, members, figures and search.
 */
@KawarabanTest
class BackupRestoreTest {

    @LocalServerPort
    int port;
    @Autowired
    PlatformProperties platform;
    @Autowired
    ImageStore images;
    @Autowired
    Newsletters newsletters;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    @TempDir
    Path work;

    private static final String S3_ACCESS_KEY = "kawaraban-node";
    private static final String S3_SECRET_KEY = "kawaraban-node-secret";

    @RegisterExtension
    final S3ProxyExtension objectStore = S3ProxyExtension.builder().withCredentials(S3_ACCESS_KEY, S3_SECRET_KEY).build();

    private CommandRun backup(Path dataDir, String... args) {
        return CommandRun.of((out, err) -> new BackupCommand(dataDir, out, err).run(args));
    }

    private CommandRun backupOfTheSharedSite(Path file) {
        return backup(platform.dataDir(), "--to=" + file, "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres");
    }

    private CommandRun restore(Path dataDir, String... args) {
        return CommandRun.of((out, err) -> new RestoreCommand(dataDir, out, err).run(args, KawarabanApplication.class));
    }

    @Test
    void aBackupTakenWhileEditorsWriteRestoresIntoASiteWithTheSameArticlesMembersNewslettersAuditAndSearch() throws Exception {
        // Before: a figure kept as a file, an address subscribed to a newsletter, an audited upload.
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        byte[] png = FigureUploadTest.png(24, 16);
        String figure;
        ((SwitchableImageStore) images).useDirectory();
        try {
            HttpResponse<String> uploaded = FigureUploadTest.upload(editor, "backup.png", "image/png", png, "バックアップ試験の図", "編集部");
            assertThat(uploaded.statusCode()).isEqualTo(201);
            figure = Jsoup.parse(uploaded.body()).selectFirst(".stored-figure").attr("data-figure-id");
        } finally {
            ((SwitchableImageStore) images).useConfigured();
        }
        assertThat(platform.dataDir().resolve("images")).isDirectory();
        String subscriber = "backup-" + System.nanoTime() + "@example.net";
        var reader = new WebSession(port);
        assertThat(reader.submit("/newsletters", "/newsletters/signup", Map.of("email", subscriber, "newsletter", "five-today"))
                .statusCode()).isEqualTo(200);
        String confirm = reader.local(TestMail.link(subscriber, "/newsletters/confirm"));
        String token = reader.page(confirm).selectFirst("input[name=token]").val();
        assertThat(reader.submit(confirm, "/newsletters/confirm", Map.of("token", token)).statusCode()).isEqualTo(200);
        String manage = reader.local(newsletters.manageUrl(subscriber));

        // Two editors write, publish and update articles all through the backup.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger finished = new AtomicInteger();
        var written = new ConcurrentLinkedQueue<String>();
        var failures = new ConcurrentLinkedQueue<Throwable>();
        List<Thread> writers = new ArrayList<>();
        for (String account : List.of("editor@example.com", "admin@example.com")) {
            writers.add(Thread.ofPlatform().name("writer-" + account).start(() -> {
                try {
                    var desk = WebSession.loggedIn(port, account, KawarabanTest.DEMO_PASSWORD);
                    while (!stop.get()) {
                        write(desk, written);
                        finished.incrementAndGet();
                    }
                } catch (Throwable failed) {
                    failures.add(failed);
                }
            }));
        }
        await().until(() -> finished.get() >= 2 || !failures.isEmpty());
        int before = finished.get();
        Path file = work.resolve("site.kawaraban-backup");
        CommandRun backup = backupOfTheSharedSite(file);
        int during = finished.get() - before;
        await().until(() -> finished.get() >= before + during + 2 || !failures.isEmpty());
        stop.set(true);
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(failures).isEmpty();
        assertThat(backup.exit()).as(backup.err()).isZero();
        assertThat(backup.out()).startsWith("Backup written to " + file);
        assertThat(backup.err()).contains("100%").contains(" rows");

        Path restoredDir = work.resolve("restored");
        // Outside demo mode a set-up site needs its public address to start.
        CommandRun restore = restore(restoredDir, "--from=" + file, "--kawaraban.demo=false", "--kawaraban.site.base-url=http://localhost:8080");
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored ", "Search index rebuilt");
        assertThat(restoredDir.resolve("images")).isDirectory();
        assertThat(restoredDir.resolve("search")).isDirectory();

        Path second = work.resolve("second.kawaraban-backup");
        String someArticle;
        String headline;
        try (ConfigurableApplicationContext restored = new SpringApplicationBuilder(KawarabanApplication.class)
                .properties("server.port=0", "server.address=127.0.0.1")
                .run("--kawaraban.data-dir=" + restoredDir, "--kawaraban.demo=false", "--kawaraban.site.base-url=http://localhost:8080",
                        "--kawaraban.article.images.store=directory")) {
            int restoredPort = ((WebServerApplicationContext) restored).getWebServer().getPort();

            // Articles: the restored sitemap is the original's, but for articles written after the snapshot.
            Set<String> original = sitemap(new WebSession(port));
            Set<String> copy = sitemap(new WebSession(restoredPort));
            assertThat(original).containsAll(copy);
            Set<String> missing = new TreeSet<>(original);
            missing.removeAll(copy);
            assertThat(missing).allSatisfy(url -> assertThat(written).anySatisfy(id -> assertThat(url).endsWith("/articles/" + id)));
            assertThat(copy).hasSizeGreaterThan(20);
            String anArticle = copy.iterator().next();
            for (String part : List.of("h1.headline", ".article-body")) {
                assertThat(new WebSession(restoredPort).page(anArticle).select(part).text())
                        .isNotEmpty().isEqualTo(new WebSession(port).page(anArticle).select(part).text());
            }

            // Each written article came whole or not at all: its revisions, its state and its audit trail agree.
            var restoredEditor = WebSession.loggedIn(restoredPort, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
            int seen = 0;
            for (String id : written) {
                HttpResponse<String> page = restoredEditor.get("/editor/articles/" + id);
                if (page.statusCode() == 404) {
                    continue;
                }
                seen++;
                Document desk = Jsoup.parse(page.body());
                int revisions = desk.select(".desk-revisions li").size();
                int history = desk.select(".desk-history li").size();
                assertThat(history).as("audit entries of " + id + " (create, then one per revision)").isEqualTo(revisions + 1);
                int readers = new WebSession(restoredPort).get("/articles/" + id).statusCode();
                assertThat(readers).as("published once it has a revision: " + id).isEqualTo(revisions == 0 ? 404 : 200);
                Document original2 = Jsoup.parse(editor.get("/editor/articles/" + id).body());
                assertThat(desk.select(".desk-revisions li").eachText())
                        .isEqualTo(original2.select(".desk-revisions li").eachText().subList(0, revisions));
            }
            assertThat(seen).as("articles written before and during the backup are in it").isPositive();

            // Members log in with their passwords and keep their plan.
            var paid = WebSession.loggedIn(restoredPort, "paid@example.com", KawarabanTest.DEMO_PASSWORD);
            Document account = paid.page("/my/account");
            Document originalAccount = WebSession.loggedIn(port, "paid@example.com", KawarabanTest.DEMO_PASSWORD).page("/my/account");
            assertThat(account.selectFirst(".state").attr("data-state")).isEqualTo(originalAccount.selectFirst(".state").attr("data-state"))
                    .isEqualTo("ACTIVE");

            // The newsletter subscriber's signed manage link (the signing key came along) shows the subscription.
            Document managed = new WebSession(restoredPort).page(manage);
            assertThat(managed.select(".newsletter-state[data-code=five-today]").attr("data-state")).isEqualTo("CONFIRMED");

            // The audit log, and the figure kept as a file.
            assertThat(restoredEditor.page("/editor/audit").text()).contains("バックアップ試験の図");
            assertThat(bytes(restoredPort, "/images/" + figure)).isEqualTo(png);

            // Search finds the same articles, from the index the restore rebuilt (in an order of its own where
            // scores are close: the running site's index still counts the older versions of updated articles).
            String query = "/search?q=" + java.net.URLEncoder.encode("リヤド", StandardCharsets.UTF_8);
            assertThat(new WebSession(restoredPort).page(query).select(".result-headline").eachAttr("href"))
                    .isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(new WebSession(port).page(query).select(".result-headline").eachAttr("href"));

            // The restored site runs on the embedded database: a backup of it while it runs reaches that database.
            CommandRun again = backup(restoredDir, "--to=" + second);
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(again.err()).contains("the embedded database of the site running on " + restoredDir);
            someArticle = copy.iterator().next();
            headline = new WebSession(restoredPort).page(someArticle).select("h1.headline").text();
        }

        // That embedded site moves to the setup of several nodes (docs/deploy.md): its backup restored into
        // a standalone PostgreSQL (a new database on the tests' server, the bundled binaries) with its
        // figures copied into an object store (s3proxy); a node started on them serves all of it.
        admin().createBucket(request -> request.bucket("moved-figures"));
        String standalone = jp.kawaraban.TestDatabase.newDatabase();
        List<String> newSetup = List.of("--spring.datasource.url=" + standalone, "--spring.datasource.username=postgres",
                "--kawaraban.demo=false", "--kawaraban.site.base-url=http://localhost:8080",
                "--kawaraban.article.images.store=s3", "--kawaraban.article.images.s3.endpoint=" + objectStore.getUri(),
                "--kawaraban.article.images.s3.bucket=moved-figures",
                "--kawaraban.article.images.s3.access-key=" + S3_ACCESS_KEY, "--kawaraban.article.images.s3.secret-key=" + S3_SECRET_KEY);
        List<String> moveArguments = new ArrayList<>(List.of("--from=" + second));
        moveArguments.addAll(newSetup);
        Path nodeDir = work.resolve("node-a");
        CommandRun moved = restore(nodeDir, moveArguments.toArray(String[]::new));
        assertThat(moved.exit()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("Figures copied into the configured store: ", "Search index rebuilt");
        assertThat(admin().getObjectAsBytes(request -> request.bucket("moved-figures").key("images/" + figure)).asByteArray())
                .as("the figure kept as a file is an object now").isEqualTo(png);

        List<String> nodeArguments = new ArrayList<>(newSetup);
        nodeArguments.add("--kawaraban.data-dir=" + nodeDir);
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(KawarabanApplication.class)
                .properties("server.port=0", "server.address=127.0.0.1", "db-scheduler.enabled=false")
                .run(nodeArguments.toArray(String[]::new))) {
            int nodePort = ((WebServerApplicationContext) node).getWebServer().getPort();
            assertThat(new WebSession(nodePort).page(someArticle).select("h1.headline").text()).isEqualTo(headline);
            assertThat(WebSession.loggedIn(nodePort, "paid@example.com", KawarabanTest.DEMO_PASSWORD)
                    .page("/my/account").selectFirst(".state").attr("data-state")).isEqualTo("ACTIVE");
            // From the bucket: the node reads the database besides, never a folder, and the figure was a file.
            assertThat(bytes(nodePort, "/images/" + figure)).isEqualTo(png);
            String query = "/search?q=" + java.net.URLEncoder.encode("リヤド", StandardCharsets.UTF_8);
            assertThat(new WebSession(nodePort).page(query).select(".result-headline").eachAttr("href")).isNotEmpty();
        }
    }

    private S3Client admin() {
        return S3Client.builder().endpointOverride(objectStore.getUri()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3_ACCESS_KEY, S3_SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Test
    void aRestoreIntoADirectoryThatIsNotEmptyOrFromADamagedFileIsRefusedAndChangesNothing() throws Exception {
        Path file = work.resolve("site.kawaraban-backup");
        assertThat(backupOfTheSharedSite(file).exit()).isZero();

        Path used = Files.createDirectories(work.resolve("used"));
        Files.writeString(used.resolve("notes.txt"), "まだ使っている");
        CommandRun notEmpty = restore(used, "--from=" + file);
        assertThat(notEmpty.exit()).isEqualTo(1);
        assertThat(notEmpty.err()).contains("復元先のデータディレクトリが空ではありません", "is not empty");
        assertThat(listing(used)).containsExactly("notes.txt");

        Path empty = Files.createDirectories(work.resolve("empty"));
        Path cut = work.resolve("cut.kawaraban-backup");
        byte[] whole = Files.readAllBytes(file);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        CommandRun truncated = restore(empty, "--from=" + cut);
        assertThat(truncated.exit()).isEqualTo(1);
        assertThat(truncated.err()).contains("バックアップファイルが壊れているか、途中で切れています", "Nothing was restored");
        assertThat(listing(empty)).isEmpty();

        Path damaged = work.resolve("damaged.kawaraban-backup");
        byte[] changed = whole.clone();
        changed[whole.length / 3] ^= 0x55; // inside some table's rows
        Files.write(damaged, changed);
        CommandRun corrupt = restore(empty, "--from=" + damaged);
        assertThat(corrupt.exit()).isEqualTo(1);
        assertThat(corrupt.err()).contains("が壊れています");
        assertThat(listing(empty)).isEmpty();
        assertThat(listing(work)).as("no half-restored folder left beside it")
                .containsExactlyInAnyOrder("site.kawaraban-backup", "used", "empty", "cut.kawaraban-backup", "damaged.kawaraban-backup");

        // With an external PostgreSQL, into a database that has tables (the running site's own).
        CommandRun intoUsedDatabase = restore(empty, "--from=" + file, "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres");
        assertThat(intoUsedDatabase.exit()).isEqualTo(1);
        assertThat(intoUsedDatabase.err()).contains("復元先のデータベースにはすでにテーブルがあります");
        assertThat(listing(empty)).isEmpty();
        assertThat(new WebSession(port).get("/").statusCode()).isEqualTo(200);

        // A backup never overwrites a file.
        CommandRun overwrite = backupOfTheSharedSite(file);
        assertThat(overwrite.exit()).isEqualTo(1);
        assertThat(overwrite.err()).contains("already exists");
        assertThat(Files.readAllBytes(file)).isEqualTo(whole);
    }

    /** Creates a draft, publishes it, updates it: three transactions, each an article change, a revision and an audit entry. */
    private static void write(WebSession desk, ConcurrentLinkedQueue<String> written) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("headline", "バックアップ中に書かれた記事");
        form.put("subheadline", "");
        form.put("lead", "バックアップの最中に公開された。");
        form.put("body", "本文の一段落目。\n\n本文の二段落目。");
        form.put("bylines", "社会部 試験一郎");
        form.put("section", "society");
        form.put("series", "");
        form.put("keywords", "試験");
        form.put("access", "FREE");
        form.put("related", "");
        form.put("sourceOutlet", "");
        form.put("sourceUrl", "");
        HttpResponse<String> created = desk.submit("/editor/articles/new", "/editor/articles", form);
        assertThat(created.statusCode()).isEqualTo(302);
        String id = created.headers().firstValue("Location").orElseThrow().replaceFirst("^.*/editor/articles/([a-z0-9]{12}).*$", "$1");
        written.add(id);
        String path = "/editor/articles/" + id;
        for (String[] step : List.of(new String[] {"action", "publish"}, new String[] {"action", "update"})) {
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.put(step[0], step[1]);
            fields.put("confirmed", step[1]);
            fields.put("note", "数字を確かめました。");
            fields.put("version", desk.page(path).selectFirst("#article-form input[name=version]").val());
            assertThat(desk.submit(path, path, fields).statusCode()).isEqualTo(302);
        }
    }

    private static Set<String> sitemap(WebSession session) {
        return new TreeSet<>(Jsoup.parse(session.get("/sitemap.xml").body(), "", org.jsoup.parser.Parser.xmlParser())
                .select("url > loc").eachText().stream().filter(url -> url.contains("/articles/"))
                .map(url -> url.replaceFirst("^https?://[^/]+", "")).toList()); // each site names its own address
    }

    private static byte[] bytes(int port, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }
}
