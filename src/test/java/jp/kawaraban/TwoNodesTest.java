package jp.kawaraban;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one PostgreSQL, each with its own search index and page cache
 * (issue 18): node A is the tests' shared application, node B a second application in a JVM
 * of its own (the application's main class on the test class path, its own data directory and
 * port, on A's database). Articles are published and withdrawn on A, as an editor would; what
 * B shows is read from B through HTTP, as a reader or a load balancer would.
 * <ul>
 * <li>B started after A published: its search finds the article once it is up;</li>
 * <li>published on A while B runs: B's search finds it within 2 s, and B's home page, which B
 *     sent from its page cache a moment before, shows it within 1 s;</li>
 * <li>withdrawn on A: gone from B's search within 2 s;</li>
 * <li>a member logged in on A is still logged in on B;</li>
 * <li>a member who ticked 「この端末を記憶する」 on A is logged in again by B once the session
 *     has ended.</li>
 * </ul>
 * One start-up of B is most of its time (20–60 s on a loaded 2-core machine).
 */
@KawarabanTest
class TwoNodesTest {

    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(2);
    private static final Duration PAGE_UPDATED_WITHIN = Duration.ofSeconds(1);

    @LocalServerPort
    int port;
    @Autowired
    ArticleDesk desk;
    @Autowired
    DataSource dataSource;

    private ChildNode nodeB;

    @AfterEach
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.kill();
        }
    }

    @Test
    void whatIsPublishedOnOneNodeIsSearchedShownAndLoggedInOnTheOther() throws Exception {
        String before = word();
        ArticleId publishedBefore = desk.publish(article(before, "ノードBが起動する前に公開した記事。"));

        int portB = ChildNode.freePort();
        Path log = startNodeB(portB);
        var readerOnB = new WebSession(portB);
        await("B's search finds what A published before B started (log: " + log + ")").atMost(Duration.ofSeconds(60))
                .until(() -> found(readerOnB, before).contains("/articles/" + publishedBefore.value()));

        // B's home page, from its cache the second time.
        assertThat(readerOnB.get("/").statusCode()).isEqualTo(200);
        String cachedHome = readerOnB.get("/").body();

        String during = word();
        ArticleId publishedDuring = desk.publish(article(during, "ノードBが動いている間に公開した記事。"));
        Instant published = Instant.now();
        await("B's cached home page shows it").atMost(PAGE_UPDATED_WITHIN)
                .until(() -> readerOnB.get("/").body().contains("/articles/" + publishedDuring.value()));
        assertThat(cachedHome).doesNotContain("/articles/" + publishedDuring.value());
        await("B's search finds it").atMost(SEARCHABLE_WITHIN.minus(Duration.between(published, Instant.now())))
                .until(() -> found(readerOnB, during).contains("/articles/" + publishedDuring.value()));

        desk.withdraw(publishedBefore);
        await("gone from B's search").atMost(SEARCHABLE_WITHIN)
                .until(() -> !found(readerOnB, before).contains("/articles/" + publishedBefore.value()));

        WebSession member = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        HttpResponse<String> account = member.atPort(portB).get("/my/account");
        assertThat(account.statusCode()).as("logged in on B too, not sent to log in").isEqualTo(200);
        assertThat(account.body()).contains("editor@example.com");

        // 「この端末を記憶する」 ticked on A; the session then ends (expired, or swept by any node):
        // B logs the member in again from the remembered device, which every node reads from
        // the database (nothing of it is kept per node).
        WebSession remembered = rememberedOn(port, "editor@example.com");
        assertThat(remembered.get("/my/account").statusCode()).as("logged in on A").isEqualTo(200);
        endSessionsOf("editor@example.com");
        assertThat(new WebSession(portB).get("/my/account").statusCode())
                .as("a browser without the cookies is sent to log in on B").isEqualTo(302);
        HttpResponse<String> afterExpiry = remembered.atPort(portB).get("/my/account");
        assertThat(afterExpiry.statusCode()).as("remembered on B after the session ended").isEqualTo(200);
        assertThat(afterExpiry.body()).contains("editor@example.com");
    }

    /** Logs in on {@code port} with 「この端末を記憶する」 ticked, as a reader's browser would. */
    private static WebSession rememberedOn(int port, String email) {
        WebSession browser = new WebSession(port);
        HttpResponse<String> answer = browser.submit("/login", "/login",
                java.util.Map.of("email", email, "password", KawarabanTest.DEMO_PASSWORD, "remember", "true"));
        assertThat(answer.statusCode()).as("log-in").isEqualTo(302);
        assertThat(answer.headers().allValues("Set-Cookie")).as("a remembered device")
                .anyMatch(cookie -> cookie.startsWith("KAWARABAN_REMEMBER="));
        return browser;
    }

    /** What the session sweep does once a session has been idle too long: its rows are gone. */
    private void endSessionsOf(String email) {
        org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("""
                        DELETE FROM spring_session
                        WHERE principal_name = (SELECT id::text FROM member_account WHERE email = :email)""")
                .param("email", email).update();
    }

    private Path startNodeB(int portB) throws IOException, java.sql.SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Path work = Files.createDirectories(Path.of("target", "two-nodes")).toAbsolutePath();
        nodeB = ChildNode.start("b", portB, work, List.of(
                "--kawaraban.demo=false",
                "--kawaraban.site.base-url=http://localhost:" + portB,
                "--spring.datasource.url=" + pool.getJdbcUrl(),
                "--spring.datasource.username=" + pool.getUsername(),
                "--spring.datasource.password=" + (pool.getPassword() == null ? "" : pool.getPassword()),
                // The tests run jobs themselves, at the clock they moved to; B must not run them beside.
                "--db-scheduler.enabled=false"), Map.of());
        nodeB.awaitUp();
        return nodeB.log();
    }

    private static List<String> found(WebSession reader, String query) {
        return reader.page("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .select(".result-headline").eachAttr("href");
    }

    private static ArticleContent article(String headline, String paragraph) {
        return new ArticleContent(headline, null, paragraph, new Body(List.of(new Block.Paragraph(paragraph))),
                List.of("テスト 記者"), "world", null, List.of(), AccessLevel.FREE, null, false, List.of());
    }

    /** A word found in nothing else. */
    private static String word() {
        return "twonodes" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).replaceAll("[0-9]", "q");
    }
}
