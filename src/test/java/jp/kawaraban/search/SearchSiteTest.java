package jp.kawaraban.search;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import jp.kawaraban.text.JapaneseAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search, entity pages and recommendations over real HTTP, on the demo edition indexed by
 * the article events as the application starts.
 */
@KawarabanTest
class SearchSiteTest {

    static final String FOUR_POINTS = id("riyadh-talks-four-points");
    static final String PARTNER_COPY = id("hokuyo-riyadh-talks");
    static final String PAID = id("riyadh-talks-analysis");

    @LocalServerPort
    int port;
    @Autowired
    SearchIndex index;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    JsonMapper json;
    @Autowired
    ArticleDesk desk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    IndexingBacklog backlog;

    private WebSession reader;

    @BeforeEach
    void indexed() {
        reader = new WebSession(port);
        // Equal, not at least: a class before this one on the same application may have withdrawn
        // what it published, and the queue takes them out of the index a moment later.
        await().atMost(Duration.ofSeconds(30)).until(() -> index.size() == catalog.countPublished());
    }

    @Test
    void aJapaneseQueryFindsArticlesWithHighlightedSnippets() {
        Document page = reader.page("/search?q=" + encode("リヤド 外相"));
        assertThat(page.select(".result")).isNotEmpty();
        assertThat(page.select(".result-headline").eachAttr("href")).contains("/articles/" + FOUR_POINTS);
        assertThat(page.select(".result .snippet mark").eachText()).anySatisfy(mark ->
                assertThat(List.of("リヤド", "外相")).contains(mark));
        assertThat(page.selectFirst(".result-count").text()).endsWith("件の記事が見つかりました");
    }

    @Test
    void aVariantSpellingFindsWhatTheUsualOneFindsWithoutAskingTheReaderToTryIt() {
        Document variant = reader.page("/search?q=" + encode("ウィトコフ"));
        Document usual = reader.page("/search?q=" + encode("ウィットコフ"));
        List<String> found = variant.select(".result-headline").eachAttr("href");
        assertThat(found).isNotEmpty().isEqualTo(usual.select(".result-headline").eachAttr("href"));
        // 「もしかして」 would lead to the very same list.
        assertThat(variant.select(".did-you-mean")).isEmpty();
        assertThat(usual.select(".did-you-mean")).isEmpty();
    }

    /**
     * Decision 0047: two spellings UniDic files under one lemma find each other, and a word the
     * fold's rules spell like another (ヴォート, a vote, like ボート, a boat) is searched as itself.
     */
    @Test
    void aSpellingVariantFindsItsWordAndAWordSpelledAlikeDoesNot() {
        ArticleId violin = desk.publish(article("若手奏者がヴァイオリン独奏会を開いた",
                "市民会館で、若手奏者がヴァイオリンの独奏会を開いた。"));
        ArticleId boat = desk.publish(article("湖でボートの大会が開かれた", "湖でボートの大会が開かれ、十艇が出場した。"));
        try {
            // Awaited: OpenSearch makes what it indexed searchable a moment after it has it.
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.page("/search?q=" + encode("バイオリン"))
                    .select(".result-headline").eachAttr("href").contains("/articles/" + violin.value()));
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.page("/search?q=" + encode("ボート"))
                    .select(".result-headline").eachAttr("href").contains("/articles/" + boat.value()));
            // The words field gives the two words two terms, and the bigrams of ヴォート carry its mark.
            Analyzer words = JapaneseAnalysis.words();
            assertThat(JapaneseAnalysis.terms(words, "ヴォート")).isNotEqualTo(JapaneseAnalysis.terms(words, "ボート"));
            assertThat(JapaneseAnalysis.terms(words, "ヴァイオリン")).isEqualTo(JapaneseAnalysis.terms(words, "バイオリン"));
            assertThat(reader.page("/search?q=" + encode("ヴォート")).select(".result-headline").eachAttr("href"))
                    .doesNotContain("/articles/" + boat.value());
        } finally {
            desk.withdraw(violin);
            desk.withdraw(boat);
        }
    }

    /**
     * Decision 0050: a search for ファーマー (a farmer) does not find an article on 住友ファーマ (a
     * drug maker) through the fold, while one for ヘッダ finds the article that writes ヘッダー
     * (UniDic files both under one lemma).
     */
    @Test
    void aWordTheTableKnowsAsAnotherIsNotFoundThroughTheFold() {
        ArticleId pharma = desk.publish(article("住友ファーマが新薬の治験結果を公表した",
                "住友ファーマは、新薬の治験結果を公表した。"));
        ArticleId header = desk.publish(article("メールのヘッダーを偽装する手口が広がる",
                "送信元を装うため、メールのヘッダーを書き換える手口が広がっている。"));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.page("/search?q=" + encode("住友ファーマ"))
                    .select(".result-headline").eachAttr("href").contains("/articles/" + pharma.value()));
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.page("/search?q=" + encode("ヘッダ"))
                    .select(".result-headline").eachAttr("href").contains("/articles/" + header.value()));
            assertThat(reader.page("/search?q=" + encode("ファーマー")).select(".result-headline").eachAttr("href"))
                    .doesNotContain("/articles/" + pharma.value());
        } finally {
            desk.withdraw(pharma);
            desk.withdraw(header);
        }
    }

    private static ArticleContent article(String headline, String paragraph) {
        return new ArticleContent(headline, null, paragraph, new Body(List.of(new Block.Paragraph(paragraph))),
                List.of("テスト 記者"), "world", null, List.of(), AccessLevel.FREE, null, false, List.of());
    }

    @Test
    void theUsualSpellingIsSuggestedWhenItLeadsSomewhereElse() {
        // With another word beside it, the old spelling is searched as written (partner pages still use it).
        Document typed = reader.page("/search?q=" + encode("キエフ 停戦"));
        assertThat(typed.selectFirst(".did-you-mean a").text()).isEqualTo("キーウ 停戦");
        Document suggested = reader.page(typed.selectFirst(".did-you-mean a").attr("href"));
        assertThat(suggested.select(".result-headline").eachAttr("href"))
                .isNotEmpty()
                .isNotEqualTo(typed.select(".result-headline").eachAttr("href"));
        // Where the lists are the same, the API has no suggestion either.
        String api = reader.get("/api/v1/search?q=" + encode("ウィトコフ")).body();
        assertThat(json.readTree(api).get("suggestion").isNull()).isTrue();
    }

    @Test
    void anAliasFindsArticlesThatUseTheOtherName() {
        Document kyiv = reader.page("/search?q=" + encode("キエフ"));
        Document kyivNow = reader.page("/search?q=" + encode("キーウ"));
        assertThat(kyiv.select(".result-headline").eachAttr("href"))
                .isNotEmpty()
                .containsAll(kyivNow.select(".result-headline").eachAttr("href"));
    }

    @Test
    void aWordNoArticleHoldsIsNotMatchedByOneOfItsCharacters() {
        // The dictionary cuts 宇宙人 into 宇宙 and 人; no demo article speaks of 宇宙人, and 人 is in most.
        Document page = reader.page("/search?q=" + encode("宇宙人"));
        assertThat(page.select(".result")).isEmpty();
        assertThat(page.selectFirst(".no-results-title").text()).contains("見つかりませんでした");
    }

    @Test
    void aHeadlinePastedCutShortFindsItsArticle() {
        String headline = reader.page("/articles/" + FOUR_POINTS).selectFirst("h1.headline").text();
        String cut = headline.substring(0, headline.length() - 1) + "ト"; // the last word cut and a stray character
        assertThat(reader.page("/search?q=" + encode(cut)).select(".result-headline").eachAttr("href"))
                .contains("/articles/" + FOUR_POINTS);
    }

    @Test
    void ofSeveralWordsMostAreEnoughWhenNothingHasThemAll() {
        Document page = reader.page("/search?q=" + encode("ウィットコフ 宇宙人"));
        assertThat(page.select(".result")).isNotEmpty();
        assertThat(page.selectFirst(".partial")).isNotNull();
        assertThat(page.select(".result-headline").eachAttr("href")).containsExactlyInAnyOrderElementsOf(
                reader.page("/search?q=" + encode("ウィットコフ")).select(".result-headline").eachAttr("href"));
    }

    @Test
    void whateverIsTypedIsSearchedAsWordsNeverAsSyntax() {
        for (String query : List.of("\"(AND OR* [", "title:プーチン", "-", "*", "\\", "プーチン AND", "a".repeat(500))) {
            HttpResponse<String> answer = reader.get("/search?q=" + encode(query));
            assertThat(answer.statusCode()).as(query).isEqualTo(200);
        }
        assertThat(reader.page("/search?q=" + encode("プーチン AND")).select(".result")).isNotEmpty();
    }

    @Test
    void filtersSortAndPagingWork() {
        Document world = reader.page("/search?q=" + encode("協議") + "&section=world&order=newest");
        assertThat(world.select(".result")).isNotEmpty();
        Document business = reader.page("/search?q=" + encode("協議") + "&section=business");
        assertThat(business.select(".result-headline").eachAttr("href")).doesNotContain("/articles/" + FOUR_POINTS);
        Document early = reader.page("/search?q=" + encode("プーチン") + "&until=2025-02-19");
        Document late = reader.page("/search?q=" + encode("プーチン") + "&from=2025-03-01");
        assertThat(early.select(".result-headline").eachAttr("href"))
                .doesNotContainAnyElementsOf(late.select(".result-headline").eachAttr("href"));
        Document badDate = reader.page("/search?q=" + encode("プーチン") + "&from=not-a-date");
        assertThat(badDate.selectFirst(".notice").text()).contains("日付の形式が読み取れなかったため");
        assertThat(reader.get("/search?q=" + encode("プーチン") + "&page=99").statusCode()).isEqualTo(404);
        assertThat(reader.get("/search?q=x&page=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void noResultsHelpsTheReaderOn() {
        Document page = reader.page("/search?q=" + encode("存在しない言葉ぬらりひょん"));
        assertThat(page.selectFirst(".no-results-title").text()).contains("見つかりませんでした");
        assertThat(page.select(".no-results li")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(page.select(".section-links a")).isNotEmpty();
    }

    @Test
    void snippetsOfPaidArticlesComeFromThePreviewForReadersNotEntitled() {
        var body = catalog.get(PAID).content().body().plainText();
        String hiddenSentence = body.substring(body.length() - 40, body.length() - 10);
        HttpResponse<String> page = reader.get("/search?q=" + encode(hiddenSentence.substring(0, 12)));
        assertThat(page.body()).doesNotContain(hiddenSentence);
        HttpResponse<String> api = reader.get("/api/v1/search?q=" + encode(hiddenSentence.substring(0, 12)));
        assertThat(api.body()).doesNotContain(hiddenSentence);
    }

    @Test
    void theApiAnswersLikeThePage() {
        HttpResponse<String> answer = reader.get("/api/v1/search?q=" + encode("リヤド"));
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode results = json.readTree(answer.body());
        assertThat(results.get("total").asLong()).isPositive();
        assertThat(results.get("results").get(0).get("snippet").isArray()).isTrue();
        HttpResponse<String> bad = reader.get("/api/v1/search?q=x&from=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("parameter").asString()).isEqualTo("from");
        for (String[] outOfBounds : new String[][] {{"page=0", "page"}, {"size=101", "size"}, {"size=0", "size"}}) {
            HttpResponse<String> refused = reader.get("/api/v1/search?q=x&" + outOfBounds[0]);
            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.get("parameter").asString()).isEqualTo(outOfBounds[1]);
            assertThat(problem.get("detail").asString()).isEqualTo("パラメーターの形式を確かめてください。");
        }
    }

    @Test
    void anEntityPageListsItsArticlesAndATimeline() {
        Document putin = reader.page("/entities/vladimir-putin");
        assertThat(putin.selectFirst("h1").text()).isEqualTo("プーチン");
        assertThat(putin.select(".result")).isNotEmpty();
        assertThat(putin.select(".timeline-event")).isNotEmpty();
        assertThat(putin.selectFirst(".timeline-event time").attr("datetime")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(reader.get("/entities/no-such-entity").statusCode()).isEqualTo(404);
    }

    @Test
    void everyArticleRecommendsFiveOthersWithTheirReason() {
        Document article = reader.page("/articles/" + FOUR_POINTS);
        var recommended = article.select(".recommended .recommendation");
        assertThat(recommended).hasSize(5);
        assertThat(recommended.select("a").eachAttr("href"))
                .doesNotContain("/articles/" + FOUR_POINTS, "/articles/" + PARTNER_COPY);
        assertThat(recommended.select(".reason").eachText()).allSatisfy(reason -> assertThat(reason).startsWith("共通："));

        HttpResponse<String> api = reader.get("/api/v1/articles/" + FOUR_POINTS + "/recommendations");
        JsonNode list = json.readTree(api.body());
        assertThat(list.size()).isEqualTo(5);
        assertThat(list.get(0).get("id").asString()).matches("[a-z0-9]{12}");
        assertThat(reader.get("/api/v1/articles/zzzzzzzzzzzz/recommendations").statusCode()).isEqualTo(404);
    }

    @Test
    void recommendationListsAreStoredAndFollowNewAndWithdrawnArticles() {
        String original = json.readTree(reader.get("/api/v1/articles/" + FOUR_POINTS + "/recommendations").body())
                .get(0).get("id").asString();
        var source = catalog.get(original);
        Instant beforePublishing = clock.instant(); // the application's time, which tests may have moved
        // A partner's copy of that article, filed an hour later under its own headline.
        var content = source.content();
        ArticleId copy = desk.publish(ArticleId.derivedFrom("test:partner-copy"), "test:partner-copy",
                new ArticleContent("提携紙が伝えた続報", null, content.lead(), content.body(), List.of("提携通信"),
                        content.sectionCode(), null, List.of(), AccessLevel.FREE, null, false, List.of()),
                source.publishedAt().plus(Duration.ofHours(1)));
        try {
            String copyId = copy.value();
            await().atMost(Duration.ofSeconds(30)).until(() -> index.find(copy).isPresent());
            List<String> recommended = ids(reader.get("/api/v1/articles/" + copyId + "/recommendations"));
            assertThat(recommended).hasSize(5).doesNotContain(copyId, original); // the story it copies is itself
            // Every article the copy recommends (the page's five and the spares) had its own list
            // made again after it was published.
            List<String> neighbours = jdbc.sql("SELECT unnest(recommended_ids) FROM search_recommendation WHERE article_id = ?")
                    .param(copyId).query(String.class).list();
            assertThat(neighbours).containsAll(recommended);
            for (String neighbour : neighbours) {
                await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT computed_at FROM search_recommendation WHERE article_id = ?")
                        .param(neighbour).query(Instant.class).optional()
                        .filter(computed -> !computed.isBefore(beforePublishing)).isPresent());
            }

            desk.withdraw(copy);
            await().atMost(Duration.ofSeconds(30)).until(() -> listsNaming(copyId) == 0 && !storedList(copyId));
            for (String neighbour : recommended) {
                assertThat(ids(reader.get("/api/v1/articles/" + neighbour + "/recommendations")))
                        .hasSize(5).doesNotContain(copyId);
            }
        } finally {
            if (catalog.find(copy.value()).isPresent()) {
                desk.withdraw(copy);
            }
        }
    }

    private long listsNaming(String id) {
        return jdbc.sql("SELECT count(*) FROM search_recommendation WHERE recommended_ids @> ARRAY[?::text]")
                .param(id).query(Long.class).single();
    }

    private boolean storedList(String id) {
        return jdbc.sql("SELECT count(*) FROM search_recommendation WHERE article_id = ?")
                .param(id).query(Long.class).single() > 0;
    }

    private boolean staleList(String id) {
        return jdbc.sql("SELECT count(*) FROM search_recommendation WHERE article_id = ? AND stale")
                .param(id).query(Long.class).single() > 0;
    }

    private List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        json.readTree(response.body()).forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    @Test
    void administratorsRebuildTheIndexWhileSearchKeepsWorking() {
        var editor = WebSession.loggedIn(port, "editor@example.com", jp.kawaraban.KawarabanTest.DEMO_PASSWORD);
        assertThat(editor.get("/admin/search").statusCode()).isEqualTo(403);
        var admin = WebSession.loggedIn(port, "admin@example.com", jp.kawaraban.KawarabanTest.DEMO_PASSWORD);
        assertThat(admin.page("/admin/search").selectFirst(".counts").text())
                .contains("インデックス：" + catalog.countPublished() + " 本");
        // The queue's lists for a context started moments ago would otherwise be computed after the
        // rebuild marked them stale, and the check below would see them fresh (it did, once, on a
        // loaded machine with the slower OpenSearch context).
        await().atMost(Duration.ofSeconds(60)).until(() -> backlog.now().waiting() == 0);
        assertThat(admin.submit("/admin/search", "/admin/search/rebuild", java.util.Map.of()).statusCode()).isEqualTo(302);
        assertThat(reader.page("/search?q=" + encode("リヤド")).select(".result")).as("searching during the rebuild").isNotEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.page("/admin/search").selectFirst("progress") == null);
        assertThat(admin.page("/admin/search").selectFirst(".notice").text()).contains("インデックスを作り直しました");
        assertThat(index.size()).isEqualTo(catalog.countPublished());
        assertThat(reader.page("/search?q=" + encode("リヤド")).select(".result")).isNotEmpty();
        // The stored recommendation lists are stale now: still shown, and made again in the background.
        assertThat(staleList(FOUR_POINTS)).as("marked stale by the rebuild").isTrue();
        assertThat(reader.page("/articles/" + FOUR_POINTS).select(".recommended .recommendation")).hasSize(5);
        await().atMost(Duration.ofSeconds(30)).until(() -> storedList(FOUR_POINTS) && !staleList(FOUR_POINTS));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String id(String slug) {
        return ArticleId.derivedFrom("demo:" + slug).value();
    }
}
