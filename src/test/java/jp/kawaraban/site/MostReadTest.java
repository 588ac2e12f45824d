package jp.kawaraban.site;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.MostRead;
import jp.kawaraban.article.internal.ReadCountRepository;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The most-read ranking (decision 0040): which page views count (browsers, once per client per
 * 30 minutes, pages sent from memory too; not bots or prefetches), that counts from every node
 * add up in PostgreSQL, and that the ranking shown on the home page and under articles is read
 * again at most once a refresh, not on every read.
 */
@KawarabanTest
class MostReadTest {

    static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
    /** A free article of the demo edition that no other test reads as a browser would. */
    static final String ARTICLE = ArticleId.derivedFrom("demo:business-rice-prices-stay-high").value();

    @LocalServerPort
    int port;
    @Autowired
    MostRead mostRead;
    @Autowired
    ReadCountRepository counts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void browsersCountOncePerClientBotsAndPrefetchesNotAtAll() {
        long before = reads(ARTICLE);
        WebSession first = new WebSession(port);
        assertThat(read(first, ARTICLE, BROWSER, Map.of()).statusCode()).isEqualTo(200);
        read(first, ARTICLE, BROWSER, Map.of()); // the same client again within 30 minutes
        WebSession second = new WebSession(port);
        HttpResponse<String> fromMemory = read(second, ARTICLE, BROWSER, Map.of());
        assertThat(fromMemory.headers().firstValue("ETag")).as("an anonymous page sent from memory").isPresent();
        read(new WebSession(port), ARTICLE, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", Map.of());
        read(new WebSession(port), ARTICLE, "curl/8.5.0 and some more characters", Map.of());
        read(new WebSession(port), ARTICLE, BROWSER, Map.of("Sec-Purpose", "prefetch"));
        assertThat(new WebSession(port).get("/articles/" + ARTICLE).statusCode()).as("no browser User-Agent").isEqualTo(200);
        read(new WebSession(port), "zzzzzzzzzzzz", BROWSER, Map.of()); // no such article: a 404 counts nothing

        readsCounted(ARTICLE, before, 2);
        assertThat(reads("zzzzzzzzzzzz")).isZero();
    }

    @Test
    void everyNodesReadsAddUpAndTheRankingIsReadAgainAtMostOnceARefresh() {
        String article = ArticleId.derivedFrom("demo:riyadh-talks-analysis").value();
        long before = reads(article);
        for (int client = 0; client < 3; client++) {
            read(new WebSession(port), article, BROWSER, Map.of());
        }
        readsCounted(article, before, 3);
        // Another node's flush of the same hour.
        counts.add(Map.of(article, 100_000L), clock.instant().truncatedTo(ChronoUnit.HOURS));
        assertThat(reads(article) - before).isEqualTo(100_003);

        mostRead.refreshNow();
        MostRead.Ranking shown = mostRead.ranking();
        assertThat(shown.overall()).extracting(summary -> summary.id().value()).contains(article);
        counts.add(Map.of(ARTICLE, 1_000_000L), clock.instant().truncatedTo(ChronoUnit.HOURS));
        assertThat(mostRead.ranking()).as("not read again before the refresh").isSameAs(shown);

        mostRead.refreshNow();
        // As a member: an anonymous page may come from the page cache, made before (up to its 30 s).
        WebSession member = member();
        Document home = Jsoup.parse(member.get("/").body());
        assertThat(home.select(".most-read .most-read-list").first().select("a").eachAttr("href"))
                .startsWith("/articles/" + ARTICLE);
        assertThat(home.select(".most-read .most-read-list[data-section=business] a").eachAttr("href"))
                .contains("/articles/" + ARTICLE);
        Document page = Jsoup.parse(member.get("/articles/" + article).body());
        assertThat(page.selectFirst(".most-read .block-heading").text()).isEqualTo("アクセスランキング");
        assertThat(page.select(".most-read a").eachAttr("href")).contains("/articles/" + ARTICLE);

        // Old hours fall out of the window.
        jdbc.sql("UPDATE article_reads SET hour = hour - interval '3 days' WHERE article_id = ?").param(ARTICLE).update();
        mostRead.refreshNow();
        assertThat(mostRead.ranking().overall()).extracting(summary -> summary.id().value()).doesNotContain(ARTICLE);
    }

    @Test
    void readsChangeTheRankingShownOnlyAtTheNextRefresh() {
        String article = ArticleId.derivedFrom("demo:business-column-regional-banks").value();
        String shown = rankingOnHome();
        for (int client = 0; client < 5; client++) {
            read(new WebSession(port), article, BROWSER, Map.of());
        }
        mostRead.flush();
        counts.add(Map.of(article, 5_000_000L), clock.instant().truncatedTo(ChronoUnit.HOURS));
        assertThat(rankingOnHome()).as("the same ranking until the refresh").isEqualTo(shown);
        mostRead.refreshNow();
        assertThat(rankingOnHome()).contains("/articles/" + article);
        jdbc.sql("DELETE FROM article_reads WHERE article_id = ?").param(article).update();
        mostRead.refreshNow();
    }

    private WebSession member() {
        return WebSession.loggedIn(port, "paid@example.com", jp.kawaraban.KawarabanTest.DEMO_PASSWORD);
    }

    /** As a member, whose pages are made for each request: the snapshot is what is tested, not the page cache. */
    private String rankingOnHome() {
        var block = Jsoup.parse(member().get("/").body()).selectFirst(".most-read");
        return block == null ? "" : block.outerHtml();
    }

    /**
     * A read is counted after its answer has gone out, so the reader may be back before it is:
     * flushed until the count is there (and failing if it is another).
     */
    private void readsCounted(String article, long before, long expected) {
        org.awaitility.Awaitility.await().untilAsserted(() -> {
            mostRead.flush();
            assertThat(reads(article) - before).isEqualTo(expected);
        });
    }

    private long reads(String article) {
        return jdbc.sql("SELECT coalesce(sum(reads), 0) FROM article_reads WHERE article_id = ? AND hour > ?")
                .params(article, Timestamp.from(clock.instant().minus(1, ChronoUnit.DAYS))).query(Long.class).single();
    }

    private static HttpResponse<String> read(WebSession session, String article, String agent, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(session.base() + "/articles/" + article)).header("User-Agent", agent);
        headers.forEach(request::header);
        return session.send(request.GET().build());
    }
}
