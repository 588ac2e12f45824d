package jp.kawaraban.search;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jp.kawaraban.WebSession;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import jp.kawaraban.article.PageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OpenSearch stops while the site runs: readers who search are told so in Japanese (503), articles
 * are still read, the operator sees it in the health endpoint and the log, and articles
 * published meanwhile wait in the queue — not given up on, however long it lasts — and are
 * indexed once the engine is back.
 */
@OpenSearchEngineTest
@ResourceLock(OpenSearchNode.UP_THROUGHOUT) // it stops the shared node: nobody else that needs it runs meanwhile
class SearchEngineOutageTest {

    private static final String SEARCHED = "鴇草村の棚田保存会";

    @LocalServerPort
    int port;
    @Autowired
    ArticleDesk desk;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    SearchIndex index;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    @Qualifier("searchEngine")
    HealthIndicator searchEngine;

    @Test
    void readersAreToldSearchIsAwayAndWhatWasPublishedMeanwhileIsIndexedWhenItIsBack() {
        WebSession reader = new WebSession(port);
        OpenSearchNode node = OpenSearchNode.shared();
        await().atMost(Duration.ofSeconds(60)).until(() -> index.size() >= catalog.countPublished());
        assertThat(reader.get("/search?q=" + encode("プーチン")).statusCode()).isEqualTo(200);
        var latest = catalog.latest(new PageRequest(1, 1)).items().getFirst();
        String anArticle = latest.id().value();

        List<ArticleId> published = new ArrayList<>();
        node.stop();
        try {
            HttpResponse<String> page = reader.get("/search?q=" + encode("プーチン"));
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("検索システムに接続できないため").doesNotContain("Exception");
            HttpResponse<String> api = reader.get("/api/v1/search?q=" + encode("プーチン"));
            assertThat(api.statusCode()).isEqualTo(503);
            JsonNode problem = json.readTree(api.body());
            assertThat(problem.get("error").asString()).isEqualTo("SEARCH_UNAVAILABLE");
            assertThat(problem.get("detail").asString()).contains("検索システムに接続できないため");
            assertThat(reader.get("/articles/" + anArticle).statusCode()).as("articles are still read").isEqualTo(200);
            assertThat(reader.get("/actuator/health").statusCode()).as("the node still serves").isEqualTo(200);
            assertThat(searchEngine.health().getStatus().getCode()).isEqualTo("SEARCH_UNAVAILABLE");

            // Two at once: a batch that fails is retried article by article, which must not count
            // against the articles while the engine itself is away.
            for (int i = 0; i < 2; i++) {
                published.add(desk.publish(ArticleId.derivedFrom("test:outage-" + i), "test:outage-" + i,
                        new ArticleContent(SEARCHED + "、田植えを再開（" + i + "）", null, "山あいの" + SEARCHED + "が春の作業を始めた。",
                                new Body(List.of(new Block.Paragraph("鴇草村の棚田で、保存会の人たちが田植えの準備を進めている。"))),
                                List.of("地域通信"), "society", null, List.of(), AccessLevel.FREE, null, false, List.of()),
                        java.time.Instant.parse("2025-06-01T00:00:00Z").plusSeconds(i)));
            }
            // Longer than three rounds of the queue's 5 s pause: an article that failed three
            // times would be given up on.
            await().pollDelay(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(30))
                    .until(() -> queued(published) == published.size());
            assertThat(failures(published)).as("failures counted against the articles").isZero();
        } finally {
            node.start();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> reader.get("/search?q=" + encode(SEARCHED)).statusCode() == 200
                && reader.page("/search?q=" + encode(SEARCHED)).select(".result").size() == published.size());
        assertThat(searchEngine.health().getStatus().getCode()).isEqualTo("UP");
        published.forEach(desk::withdraw);
    }

    private long queued(List<ArticleId> ids) {
        return jdbc.sql("SELECT count(*) FROM search_queue WHERE step = 'INDEX' AND article_id = ANY(?)")
                .param(ids.stream().map(ArticleId::value).toArray(String[]::new)).query(Long.class).single();
    }

    private long failures(List<ArticleId> ids) {
        return jdbc.sql("SELECT coalesce(sum(failures), 0) FROM search_queue WHERE article_id = ANY(?)")
                .param(ids.stream().map(ArticleId::value).toArray(String[]::new)).query(Long.class).single();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
