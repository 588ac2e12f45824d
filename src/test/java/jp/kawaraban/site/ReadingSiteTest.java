package jp.kawaraban.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Revision;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a reader and a crawler get from the reading site, read off real HTTP responses of
 * the application running on embedded PostgreSQL with the demo edition.
 */
@KawarabanTest
class ReadingSiteTest {

    /** Demo article updated after publication: first version kept as revision 1. */
    private static final String UPDATED = ArticleId.derivedFrom("demo:riyadh-talks-four-points").value();
    /** Free demo article with a figure (an SVG chart). */
    private static final String WITH_FIGURE = ArticleId.derivedFrom("demo:business-rice-prices-stay-high").value();
    /** Paid demo article: only its opening may leave the server. */
    private static final String PAID = ArticleId.derivedFrom("demo:riyadh-talks-analysis").value();

    @LocalServerPort
    int port;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * The demo has no kawaraban.site.base-url: its links take the address the reader used, so a
     * demo started on another port than 8080 links to itself.
     */
    private String canonical() {
        return "http://localhost:" + port + "/articles/" + UPDATED;
    }

    @Test
    void homeShowsTopStoriesLatestAndEverySectionsBlock() throws Exception {
        Document home = page("/", 200);
        assertThat(home.select(".top-stories a.top-lead-headline")).hasSize(1);
        assertThat(home.select(".latest .summary")).hasSize(10);
        assertThat(home.select(".section-block h2").eachText())
                .containsExactly("国際", "政治", "経済", "テクノロジー", "スポーツ", "社会");
        assertThat(home.title()).startsWith("瓦版");
    }

    @Test
    void articlePageShowsHeadlineBylineAndBothDatesInTokyoTime() throws Exception {
        Document article = page("/articles/" + UPDATED, 200);
        assertThat(article.selectFirst("h1.headline").text()).isEqualTo("米ロ外相がリヤドで協議、対話の枠組み設置で一致");
        assertThat(article.selectFirst(".subheadline").text()).startsWith("停戦へ高官チーム指名");
        assertThat(article.selectFirst("time.published").text()).isEqualTo("2025年2月18日 23:40");
        assertThat(article.selectFirst("time.published").attr("datetime")).isEqualTo("2025-02-18T23:40:00+09:00");
        assertThat(article.selectFirst("time.updated").text()).isEqualTo("更新 2025年2月19日 10:20");
        assertThat(article.select(".byline").eachText()).containsExactly("国際部 田中美穂");
        assertThat(article.selectFirst(".update-note").text()).contains("ラブロフ外相とドミトリエフ総裁の発言を加えました");
        assertThat(article.select(".article-body h2.subheading")).isNotEmpty();
        assertThat(article.select(".article-body ol li")).hasSize(4);
        assertThat(article.select(".kicker a").eachText()).contains("国際", "ウクライナ停戦交渉");
        assertThat(article.select(".article-topics a.topic-name").eachAttr("href")).contains("/keywords/%E7%B1%B3%E3%83%AD%E9%96%A2%E4%BF%82");
        assertThat(article.select(".related .summary")).hasSize(3);
    }

    @Test
    void shareBarsAtTopAndBottomCarryEveryServicesIntentWithCanonicalUrlAndTitle() throws Exception {
        Document article = page("/articles/" + UPDATED, 200);
        List<Element> bars = article.select("nav.share-bar");
        assertThat(bars).hasSize(2);
        String url = "http%3A%2F%2Flocalhost%3A" + port + "%2Farticles%2F" + UPDATED;
        for (Element bar : bars) {
            assertThat(bar.selectFirst(".share-print").attr("href")).isEqualTo("/articles/" + UPDATED + "/print");
            assertThat(bar.selectFirst(".share-mail").attr("href")).startsWith("mailto:?subject=").contains(url);
            assertThat(bar.selectFirst(".share-copy").attr("href")).isEqualTo(canonical());
            assertThat(bar.selectFirst(".share-x").attr("href")).startsWith("https://x.com/intent/post?text=%E7%B1%B3").endsWith("&url=" + url);
            assertThat(bar.selectFirst(".share-facebook").attr("href")).isEqualTo("https://www.facebook.com/sharer/sharer.php?u=" + url);
            assertThat(bar.selectFirst(".share-note").attr("href")).isEqualTo("https://note.com/intent/post?url=" + url);
            assertThat(bar.selectFirst(".share-hatena").attr("href")).startsWith("https://b.hatena.ne.jp/add?mode=confirm&url=" + url);
            assertThat(bar.selectFirst(".share-linkedin").attr("href")).isEqualTo("https://www.linkedin.com/sharing/share-offsite/?url=" + url);
            assertThat(bar.selectFirst(".share-bluesky").attr("href")).startsWith("https://bsky.app/intent/compose?text=").endsWith(url);
            for (Element external : bar.select("a[target=_blank]")) {
                assertThat(external.attr("rel")).contains("noopener");
            }
            assertThat(bar.selectFirst(".share-line").attr("href")).isEqualTo("https://social-plugins.line.me/lineit/share?url=" + url);
            assertThat(bar.select("a[target=_blank]")).hasSize(7);
        }
    }

    @Test
    void headCarriesCanonicalOpenGraphAndNewsArticleStructuredData() throws Exception {
        Document article = page("/articles/" + UPDATED, 200);
        assertThat(article.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(canonical());
        assertThat(article.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(article.selectFirst("meta[property=og:title]").attr("content")).startsWith("米ロ外相がリヤドで協議");
        assertThat(article.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary");

        JsonNode ld = json.readTree(article.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asString()).isEqualTo("米ロ外相がリヤドで協議、対話の枠組み設置で一致");
        assertThat(ld.get("datePublished").asString()).isEqualTo("2025-02-18T23:40:00+09:00");
        assertThat(ld.get("dateModified").asString()).isEqualTo("2025-02-19T10:20:00+09:00");
        assertThat(ld.get("author").get(0).get("name").asString()).isEqualTo("国際部 田中美穂");
        assertThat(ld.get("publisher").get("name").asString()).isEqualTo("瓦版");
        assertThat(ld.get("isAccessibleForFree").asBoolean()).isTrue();
    }

    @Test
    void figuresShowTheirChartCaptionAndCredit() throws Exception {
        Document article = page("/articles/" + WITH_FIGURE, 200);
        Element figure = article.selectFirst("figure.figure");
        assertThat(figure.selectFirst("figcaption .credit").text()).isNotBlank();
        HttpResponse<String> image = get(figure.selectFirst("img").attr("src"));
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(image.body()).contains("<svg");
    }

    @Test
    void printViewHasTheArticleAloneWithoutShareBar() throws Exception {
        Document print = page("/articles/" + UPDATED + "/print", 200);
        assertThat(print.select("nav.share-bar")).isEmpty();
        assertThat(print.select("header.masthead")).isEmpty();
        assertThat(print.selectFirst("h1.headline").text()).startsWith("米ロ外相がリヤドで協議");
        assertThat(print.select("link[rel=stylesheet]").eachAttr("href")).contains("/css/print.css");
        assertThat(print.selectFirst("body").hasClass("print-view")).isTrue();
        assertThat(print.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
    }

    @Test
    void unknownOrMalformedArticleIdsAreJapanese404PagesWithAWayBack() throws Exception {
        for (String path : List.of("/articles/zzzzzzzzzzzz", "/articles/%3Cscript%3E", "/articles/ABC/print", "/sections/nope",
                "/series/nope", "/keywords/存在しない言葉", "/no/such/page")) {
            Document notFound = page(path, 404);
            assertThat(notFound.selectFirst("h1").text()).as(path).isEqualTo("ページが見つかりません");
            assertThat(notFound.select(".error-ways a[href=/]")).as(path).hasSize(1);
        }
    }

    @Test
    void aPageNumberThatIsNotANumberIsABadRequestNotAnError() throws Exception {
        Document bad = page("/sections/world?page=abc", 400);
        assertThat(bad.selectFirst("h1").text()).isEqualTo("リクエストを処理できませんでした");
    }

    @Test
    void listingsPageThroughTheirArticlesNewestFirst() throws Exception {
        Document first = page("/sections/world", 200);
        assertThat(first.selectFirst(".listing-heading").text()).isEqualTo("国際");
        List<String> dates = first.select(".summary time").eachAttr("datetime");
        assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
        Document series = page("/series/ukraine-talks", 200);
        assertThat(series.selectFirst(".listing-kind").text()).isEqualTo("連載");
        assertThat(series.select(".summary")).hasSizeGreaterThanOrEqualTo(8);
        Document keyword = page("/keywords/%E7%B1%B3%E3%83%AD%E9%96%A2%E4%BF%82", 200);
        assertThat(keyword.selectFirst(".listing-heading").text()).isEqualTo("米ロ関係");
        Document beyond = page("/sections/world?page=99", 404);
        assertThat(beyond.selectFirst("h1").text()).isEqualTo("ページが見つかりません");
    }

    @Test
    void feedsListTheNewestArticlesWithTheirLeadsOnly() throws Exception {
        HttpResponse<String> latest = get("/feeds/latest.xml");
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
        Document rss = Jsoup.parse(latest.body(), Parser.xmlParser());
        assertThat(rss.select("item")).hasSizeGreaterThan(20);
        assertThat(rss.select("item > link").first().text()).startsWith("http://localhost:" + port + "/articles/");
        Document section = Jsoup.parse(get("/feeds/sections/sports.xml").body(), Parser.xmlParser());
        assertThat(section.select("item > category").eachText()).containsOnly("スポーツ");
        assertThat(get("/feeds/sections/nope.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void sitemapListsEveryArticleAndRobotsPointsToIt() throws Exception {
        Document sitemap = Jsoup.parse(get("/sitemap.xml").body(), Parser.xmlParser());
        assertThat(sitemap.select("url > loc").eachText()).contains(canonical(), "http://localhost:" + port + "/sections/world");
        assertThat(sitemap.select("url")).hasSizeGreaterThanOrEqualTo(42);
        // The demo articles are from 2025, outside the news sitemap's two days.
        Element updated = sitemap.select("url").stream()
                .filter(url -> url.selectFirst("loc").text().equals(canonical())).findFirst().orElseThrow();
        assertThat(updated.select("news|news")).isEmpty();
        assertThat(updated.selectFirst("lastmod").text()).isEqualTo("2025-02-19T10:20:00+09:00");
        String robots = get("/robots.txt").body();
        assertThat(robots).contains("Sitemap: http://localhost:" + port + "/sitemap.xml").contains("Disallow: /api/");
    }

    @Test
    void apiGivesTheSameContentAndProblemDetailsForUnknownArticles() throws Exception {
        JsonNode list = json.readTree(get("/api/v1/articles?size=5").body());
        assertThat(list.get("articles")).hasSize(5);
        assertThat(list.get("total").asLong()).isGreaterThanOrEqualTo(42);

        HttpResponse<String> response = get("/api/v1/articles/" + UPDATED);
        JsonNode article = json.readTree(response.body());
        assertThat(article.get("headline").asString()).isEqualTo("米ロ外相がリヤドで協議、対話の枠組み設置で一致");
        assertThat(article.get("publishedAt").asString()).isEqualTo("2025-02-18T23:40:00+09:00");
        assertThat(article.get("updatedAt").asString()).isEqualTo("2025-02-19T10:20:00+09:00");
        assertThat(article.get("body").get(0).get("type").asString()).isEqualTo("paragraph");
        assertThat(article.get("accessLevel").asString()).isEqualTo("free");

        HttpResponse<String> missing = get("/api/v1/articles/zzzzzzzzzzzz");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(missing.body());
        assertThat(problem.get("title").asString()).isEqualTo("記事が見つかりません");
        assertThat(problem.get("status").asInt()).isEqualTo(404);

        HttpResponse<String> noSection = get("/api/v1/articles?section=nosuch");
        assertThat(noSection.statusCode()).isEqualTo(404);
        assertThat(json.readTree(noSection.body()).get("title").asString()).isEqualTo("セクションが見つかりません");

        JsonNode openApi = json.readTree(get("/api/v1/openapi.json").body());
        assertThat(openApi.get("paths").has("/api/v1/articles/{id}")).isTrue();
    }

    @Test
    void aPaidArticlesBodyBeyondItsOpeningNeverLeavesTheServer() throws Exception {
        String lastParagraph = catalog.get(PAID).content().body().blocks().getLast().plainText();
        assertThat(lastParagraph).isNotBlank();

        for (String path : List.of("/articles/" + PAID, "/articles/" + PAID + "/print")) {
            Document page = page(path, 200);
            assertThat(page.html()).as(path).doesNotContain(lastParagraph);
            assertThat(page.select(".article-body p")).as(path).isNotEmpty();
            assertThat(page.selectFirst(".paywall-title").text()).as(path).isEqualTo("この記事は有料会員限定です");
        }
        // The campaign is named once, beside a button that says what it does.
        Document paywall = page("/articles/" + PAID, 200);
        // (which campaign depends on what other tests opened; the demo's is 「はじめての方へ 30日間無料体験」)
        String campaign = paywall.selectFirst(".paywall-campaign").text();
        assertThat(campaign).startsWith("キャンペーン中：").hasSizeGreaterThan("キャンペーン中：".length());
        assertThat(paywall.selectFirst(".paywall .trial").text()).matches("\\d+日間、無料で読んでみる")
                .doesNotContain(campaign.substring("キャンペーン中：".length()));
        Document article = page("/articles/" + PAID, 200);
        JsonNode ld = json.readTree(article.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.get("isAccessibleForFree").asBoolean()).isFalse();
        assertThat(ld.get("hasPart").get("cssSelector").asString()).isEqualTo(".paywall");

        HttpResponse<String> api = get("/api/v1/articles/" + PAID);
        assertThat(api.body()).doesNotContain(lastParagraph);
        assertThat(json.readTree(api.body()).get("previewOnly").asBoolean()).isTrue();
    }

    @Test
    void errorPagesAreNotCachedButArticlesAre() throws Exception {
        assertThat(get("/articles/zzzzzzzzzzzz").headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        assertThat(get("/articles/" + UPDATED).headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
    }

    @Test
    void anUpdatedArticleKeepsItsFirstVersion() {
        List<Revision> revisions = catalog.revisions(UPDATED);
        assertThat(revisions).extracting(Revision::number).containsExactly(1, 2);
        assertThat(revisions.get(1).note()).isEqualTo("ラブロフ外相とドミトリエフ総裁の発言を加えました。");
        assertThat(revisions.get(0).content().body().plainText()).doesNotContain("大使館の障害を除去");
        assertThat(revisions.get(1).content().body().plainText()).contains("大使館の障害を除去");
        assertThat(revisions.get(1).content().body().characterCount())
                .isGreaterThan(revisions.get(0).content().body().characterCount());
    }

    private Document page(String path, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("text/html");
        return Jsoup.parse(response.body(), "http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
    }
}
