package jp.kawaraban.platform.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jp.kawaraban.EmbeddedPostgres;
import jp.kawaraban.KawarabanApplication;
import jp.kawaraban.Waiting;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import jp.kawaraban.command.NewspaperSetup;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.platform.DemoMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded PostgreSQL killed with SIGKILL under a running site: readers get the Japanese
 * "temporarily unavailable" page (503 with {@code Retry-After}) at once, never a 30-second wait
 * or a 500, and the site serves pages again by itself, with everything written before the crash.
 * <p>
 * Its own application (the shared test application runs on an external database, which the
 * application did not start and so must not restart): the whole site on an embedded data
 * directory, as a newspaper runs it: made by {@code setup} first, with a section of its own
 * ({@link NewspaperSetup}), then started as the operator starts it, which after setup is without
 * the demo edition. The member is the administrator setup made. To see the outage for certain,
 * the test holds the server's port after the kill (bound, not listening, so connections are
 * refused), which keeps the restart waiting, then lets go ({@link EmbeddedPostgres}).
 */
@ExtendWith(Waiting.class)
class DatabaseCrashTest {

    /**
     * A correctness bound, not a benchmark: the reader's wait is 2 s, and readers waited the
     * pool's 30 s before. Wide enough for a machine loaded by parallel builds (7 s was seen at a
     * load average of 30), still far from 30 s.
     */
    private static final Duration QUICKLY = Duration.ofSeconds(12);

    /** The paper's one section, which setup makes: the outage page's navigation names it. */
    private static final String SECTION_NAME = "地域";

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext site;
    static String base;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTheSite() {
        NewspaperSetup.inThisJvm(dataDir, "local:" + SECTION_NAME);
        // No kawaraban.demo: a data directory that was set up starts without the demo edition.
        site = new SpringApplicationBuilder(KawarabanApplication.class).properties(
                "kawaraban.data-dir=" + dataDir,
                "server.port=0").run();
        base = "http://localhost:" + site.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopTheSite() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void readersGetTheUnavailablePageQuicklyAndTheSiteComesBackWithItsArticles() throws Exception {
        assertThat(site.getBean(DemoMode.class).enabled()).as("the demo edition").isFalse();
        assertThat(site.getBean(ArticleCatalog.class).countPublished()).as("articles before ours").isZero();
        assertThat(site.getBean(Accounts.class).findByEmail("free@example.com")).as("a demo account").isEmpty();
        String headline = "停電の夜、瓦版は刷り続けた";
        String id = site.getBean(ArticleDesk.class).publish(new ArticleContent(headline, null, "市内で停電があった。",
                new Body(List.of(new Block.Paragraph("市内で停電があった。復旧は翌朝だった。"))), List.of("テスト 記者"),
                "local", null, List.of(), AccessLevel.FREE, null, false, List.of())).value();
        String article = "/articles/" + id;
        assertThat(get(article).body()).contains(headline).contains(NewspaperSetup.NAME);
        WebSession member = WebSession.loggedIn(port(), NewspaperSetup.ADMIN, NewspaperSetup.PASSWORD);
        assertThat(member.get("/my/account").statusCode()).isEqualTo(200);

        EmbeddedPostgres postgres = EmbeddedPostgres.of(dataDir);
        postgres.kill();
        try (AutoCloseable heldPort = postgres.holdPort()) {
            // A member's request needs the session table before any controller runs; the article
            // page and the API need the articles; health says what it finds.
            for (int round = 0; round < 3; round++) {
                assertUnavailablePage(timed(() -> member.get("/my/account")));
                assertUnavailablePage(timed(() -> get(article)));
                HttpResponse<String> api = timed(() -> get("/api/v1/articles/" + id));
                assertThat(api.statusCode()).isEqualTo(503);
                assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(api.headers().firstValue("Retry-After")).isPresent();
                assertThat(api.body()).contains("ただいま一時的にご利用いただけません").contains("DATABASE_UNAVAILABLE");
                assertThat(timed(() -> get("/actuator/health")).statusCode()).isEqualTo(503);
            }
            // The page's style sheet still comes, for members too.
            assertThat(timed(() -> member.get("/css/site.css")).statusCode()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> get(article).statusCode() == 200);
        assertThat(get(article).body()).contains(headline);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(member.get("/my/account").statusCode()).as("the member's session survived").isEqualTo(200);
        assertThat(EmbeddedPostgres.of(dataDir).pid()).as("a new server").isNotEqualTo(postgres.pid());
    }

    private static void assertUnavailablePage(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("ただいま一時的にご利用いただけません").contains("class=\"brand\"")
                .contains(NewspaperSetup.NAME).contains(SECTION_NAME);
    }

    private static <T> T timed(ThrowingSupplier<T> request) throws Exception {
        long start = System.nanoTime();
        T answer = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered quickly").isLessThan(QUICKLY);
        return answer;
    }

    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }
}
