package jp.kawaraban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.kawaraban.editorial.FigureUploadTest;
import jp.kawaraban.search.OpenSearchNode;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * The setup of several nodes (docs/deploy.md) with every part at once, as an operator runs it:
 * two application nodes in JVMs of their own on one standalone PostgreSQL (a new database on the
 * tests' server, the bundled binaries), one search index in a real OpenSearch node (the test
 * run's, {@link OpenSearchNode}), figures in s3proxy, and nginx in front of both, round robin.
 * Everything a reader does goes through nginx over HTTP; nginx names the node that answered
 * ({@code X-Upstream}), so what is said of node B is read from B's own answers. Readers' requests
 * go round robin; the polls for B's answer name B in a header nginx routes by.
 * <ul>
 * <li>published on A: found by search on B within 2 s, and B's page cache shows it within 1 s;</li>
 * <li>indexed once in the shared index: the document's version stays 1 (decision 0046; before it,
 *     B indexed again what A announced);</li>
 * <li>a member's session holds on whichever node answers;</li>
 * <li>a figure uploaded through nginx is in the bucket and served by both nodes.</li>
 * </ul>
 * Needs nginx (Debian's package); without it the test is skipped, unless
 * {@code kawaraban.nginx-tests.required} is {@code "true"} (as {@code .ci/run} sets it), when it
 * fails. Two start-ups are most of its time.
 */
@ExtendWith(Waiting.class)
@ResourceLock(OpenSearchNode.UP_THROUGHOUT) // not beside SearchEngineOutageTest, which stops the node
@ResourceLock(ChildNode.CORES) // nor beside another test's child nodes: four JVMs starting on two cores
class AllPartsTogetherTest {

    static final String REQUIRED_PROPERTY = "kawaraban.nginx-tests.required";
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final String ACCESS_KEY = "kawaraban-nodes";
    private static final String SECRET_KEY = "kawaraban-nodes-secret";
    private static final String BUCKET = "all-parts-figures";
    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(2);
    private static final Duration PAGE_UPDATED_WITHIN = Duration.ofSeconds(1);

    @RegisterExtension
    final S3ProxyExtension objectStore = S3ProxyExtension.builder().withCredentials(ACCESS_KEY, SECRET_KEY).build();

    private final List<ChildNode> nodes = new ArrayList<>();
    private Process nginx;

    @AfterEach
    void stopEverything() {
        if (nginx != null) {
            nginx.destroyForcibly();
        }
        nodes.forEach(ChildNode::kill);
    }

    @Test
    void twoNodesBehindNginxOnPostgresqlOpenSearchAndS3ServeReadersAsOne() throws Exception {
        requireNginx();
        try (S3Client admin = admin()) {
            admin.createBucket(request -> request.bucket(BUCKET));
        }
        Path work = Files.createDirectories(Path.of("target", "all-parts")).toAbsolutePath();
        String index = "all-parts-" + UUID.randomUUID().toString().substring(0, 8);
        URI openSearch = OpenSearchNode.shared().uri();
        int port = ChildNode.freePort(); // nginx's, the site's public address
        List<String> setup = List.of("--kawaraban.site.base-url=http://localhost:" + port,
                "--spring.datasource.url=" + TestDatabase.newDatabase(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--kawaraban.search.engine=opensearch", "--kawaraban.search.opensearch.uris=" + openSearch,
                "--kawaraban.search.opensearch.index=" + index,
                "--kawaraban.article.images.store=s3", "--kawaraban.article.images.s3.endpoint=" + objectStore.getUri(),
                "--kawaraban.article.images.s3.bucket=" + BUCKET,
                // The tests' jobs are their own business: no node runs them beside.
                "--db-scheduler.enabled=false");
        Map<String, String> environment = Map.of("KAWARABAN_DEMO_PASSWORD", KawarabanTest.DEMO_PASSWORD,
                "KAWARABAN_ARTICLE_IMAGES_S3_ACCESSKEY", ACCESS_KEY, "KAWARABAN_ARTICLE_IMAGES_S3_SECRETKEY", SECRET_KEY);

        // A creates the tables, the demo site and its index; B joins the same database and index.
        ChildNode a = start("a", work, setup, "--kawaraban.demo=true", environment);
        a.awaitUp();
        ChildNode b = start("b", work, setup, "--kawaraban.demo=false", environment);
        b.awaitUp();
        startNginx(work, port, a.port(), b.port());
        Balanced site = new Balanced(port, a, b);

        // 1. Published on A (the editor's desk, straight to A): on B within the bounds.
        WebSession readerThroughNginx = new WebSession(port);
        String cachedOnB = site.fromB(readerThroughNginx, "/").body();
        String headline = "allparts" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).replaceAll("[0-9]", "q");
        WebSession editorOnA = WebSession.loggedIn(a.port(), "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        String article = publish(editorOnA, headline);
        Instant published = Instant.now();
        await("B's cached home page shows it").atMost(PAGE_UPDATED_WITHIN)
                .until(() -> site.fromB(readerThroughNginx, "/").body().contains("/articles/" + article));
        assertThat(cachedOnB).doesNotContain("/articles/" + article);
        String search = "/search?q=" + URLEncoder.encode(headline, StandardCharsets.UTF_8);
        await("B's search finds it").atMost(SEARCHABLE_WITHIN.minus(Duration.between(published, Instant.now())))
                .until(() -> Jsoup.parse(site.fromB(readerThroughNginx, search).body())
                        .select(".result-headline").eachAttr("href").contains("/articles/" + article));
        System.out.printf("all parts: published on A, found through nginx on B after %d ms%n",
                Duration.between(published, Instant.now()).toMillis());

        // 2. Indexed once: a second node indexing what the first announced would make it version 2,
        // within moments of hearing it.
        await("indexed once, and not again").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> versionInOpenSearch(openSearch, index, article) == 1);

        // 3. A member's session, whichever node answers.
        WebSession member = WebSession.loggedIn(port, "paid@example.com", KawarabanTest.DEMO_PASSWORD);
        Set<Integer> answeredAccount = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> account = member.get("/my/account");
            assertThat(account.statusCode()).as("logged in, answer %d", i).isEqualTo(200);
            assertThat(account.body()).contains("paid@example.com");
            answeredAccount.add(site.node(account));
        }
        assertThat(answeredAccount).as("both nodes answered the member").containsExactlyInAnyOrder(a.port(), b.port());

        // 4. A figure uploaded through nginx: an object in the bucket, served by both nodes.
        WebSession editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        byte[] png = FigureUploadTest.png(30, 20);
        HttpResponse<String> uploaded = FigureUploadTest.upload(editor, "bars.png", "image/png", png, "棒グラフ", "編集部");
        assertThat(uploaded.statusCode()).as("uploaded").isEqualTo(201);
        String figure = Jsoup.parse(uploaded.body()).selectFirst(".stored-figure").attr("data-figure-id");
        try (S3Client admin = admin()) {
            assertThat(admin.getObjectAsBytes(request -> request.bucket(BUCKET).key("images/" + figure)).asByteArray())
                    .as("in the bucket").isEqualTo(png);
        }
        Set<Integer> servedFigure = new HashSet<>();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 4; i++) {
            HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/images/" + figure)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(png);
            servedFigure.add(site.node(served));
        }
        assertThat(servedFigure).as("both nodes served the figure").containsExactlyInAnyOrder(a.port(), b.port());
    }

    /** Skips without nginx, or fails when nginx is required; says which. */
    private static void requireNginx() {
        if (Files.isExecutable(NGINX)) {
            return;
        }
        if (Boolean.parseBoolean(System.getProperty(REQUIRED_PROPERTY))) {
            Assertions.fail("nginx not found at " + NGINX + " but the test of all parts is required (" + REQUIRED_PROPERTY
                    + "=true): install it (apt-get install -y nginx)");
        }
        String notice = "nginx not installed: the test of two nodes behind nginx is skipped (install nginx, or run .ci/run)";
        System.err.println("NOTICE: " + notice);
        Assumptions.abort(notice);
    }

    private ChildNode start(String name, Path work, List<String> setup, String demo, Map<String, String> environment)
            throws IOException {
        List<String> arguments = new ArrayList<>(setup);
        arguments.add(demo);
        ChildNode node = ChildNode.start(name, work, arguments, environment);
        nodes.add(node);
        return node;
    }

    /** nginx on {@code port}, round robin over the nodes, naming the one that answered. */
    private void startNginx(Path work, int port, int... upstreams) throws IOException {
        Path home = Files.createDirectories(work.resolve("nginx-" + System.nanoTime()));
        Files.createDirectories(home.resolve("tmp"));
        StringBuilder servers = new StringBuilder();
        for (int upstream : upstreams) {
            servers.append("server 127.0.0.1:").append(upstream).append("; ");
        }
        // The same proxy settings as bench/scale-out.sh, and the answering node's address in a header.
        // A request that names a node (X-Kawaraban-Node: a or b) goes to it, still through nginx: a
        // poll for B's answer is then one request, not two, and the bounds measure B, not the
        // machine's queue for twice as many page renders.
        Files.writeString(home.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/tmp;
                    proxy_temp_path %1$s/tmp;
                    fastcgi_temp_path %1$s/tmp;
                    uwsgi_temp_path %1$s/tmp;
                    scgi_temp_path %1$s/tmp;
                    client_max_body_size 20m;
                    client_body_buffer_size 1m;
                    upstream nodes { %2$s keepalive 16; }
                    map $http_x_kawaraban_node $node { default nodes; a 127.0.0.1:%4$d; b 127.0.0.1:%5$d; }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            proxy_pass http://$node;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host:$server_port;
                            proxy_set_header X-Forwarded-For $remote_addr;
                            proxy_next_upstream off;
                            add_header X-Upstream $upstream_addr always;
                        }
                    }
                }
                """.formatted(home, servers, port, upstreams[0], upstreams[1]));
        nginx = new ProcessBuilder(NGINX.toString(), "-c", home.resolve("nginx.conf").toString(), "-p", home.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("stderr.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
        await("nginx up (" + home + ")").atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(nginx.isAlive()).as("nginx is running (log: " + home.resolve("stderr.log") + ")").isTrue();
            try {
                return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** nginx in front of A and B: which node answered, and B's answer to a path. */
    private record Balanced(int port, ChildNode a, ChildNode b) {

        int node(HttpResponse<?> answer) {
            String upstream = answer.headers().firstValue("X-Upstream").orElseThrow(() ->
                    new AssertionError("nginx did not name the node that answered"));
            return Integer.parseInt(upstream.substring(upstream.lastIndexOf(':') + 1));
        }

        /** B's answer through nginx, to a request that names B (see the configuration). */
        HttpResponse<String> fromB(WebSession session, String path) {
            HttpResponse<String> answer = session.send(HttpRequest.newBuilder(URI.create(session.base() + path))
                    .header("X-Kawaraban-Node", "b").GET().build());
            assertThat(node(answer)).as("nginx sent the request naming B to B").isEqualTo(b.port());
            assertThat(answer.statusCode()).as("B's answer to " + path).isEqualTo(200);
            return answer;
        }
    }

    /** Creates and publishes an article at the desk, as an editor's browser does. @return its id */
    private static String publish(WebSession editor, String headline) {
        Map<String, String> manuscript = DeskForm.manuscript(headline, "すべての部品で確かめる記事。",
                "二つのノードとnginx、OpenSearch、S3で確かめる。", "試験", "FREE");
        HttpResponse<String> created = editor.submit("/editor/articles/new", "/editor/articles", manuscript);
        assertThat(created.statusCode()).as("created").isEqualTo(302);
        String id = DeskForm.idFrom(created);
        String deskPath = "/editor/articles/" + id;
        String version = editor.page(deskPath).selectFirst("#article-form input[name=version]").val();
        HttpResponse<String> publishing = editor.submit(deskPath, deskPath,
                DeskForm.with(manuscript, "version", version, "action", "publish", "confirmed", "publish"));
        assertThat(publishing.statusCode()).as("published").isEqualTo(302);
        return id;
    }

    /** How many times OpenSearch has written the article's document (its {@code _version}). */
    private static long versionInOpenSearch(URI node, String index, String article) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(node.resolve("/" + index + "/_doc/" + article)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(answer.body()).path("_version").asLong();
    }

    private S3Client admin() {
        return S3Client.builder().endpointOverride(objectStore.getUri()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
