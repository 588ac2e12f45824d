package jp.kawaraban.personal;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.access.Action;
import jp.kawaraban.access.ActionAccess;
import jp.kawaraban.access.ActionRefusedException;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Reader;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import jp.kawaraban.member.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Follows, My News, saved articles and saved figures over real HTTP, as members see them.
 * Articles published here carry unique words and are withdrawn again, so other test classes
 * sharing the application see the demo edition as it was.
 */
@KawarabanTest
class PersonalSiteTest {

    private static final String TIMELINE = ArticleId.derivedFrom("demo:talks-timeline-2025").value();
    private static final String TIMELINE_FIGURE = "demo-us-russia-talks-2025-timeline.svg";
    private static final String RICE = ArticleId.derivedFrom("demo:business-rice-prices-stay-high").value();
    private static final String RICE_FIGURE = "demo-rice-price-2025.svg";
    private static final String ANALYSIS = ArticleId.derivedFrom("demo:riyadh-talks-analysis").value();

    @LocalServerPort
    int port;
    @Autowired
    ArticleDesk desk;
    @Autowired
    Accounts accounts;
    @Autowired
    Follows follows;
    @Autowired
    Saves saves;
    @Autowired
    MyNews myNews;
    @Autowired
    Entitlements entitlements;
    @Autowired
    JsonMapper json;

    @Test
    void paidAndTrialMembersFollowAndUnfollowEachKind() {
        for (String email : List.of("paid@example.com", "trial@example.com")) {
            var member = WebSession.loggedIn(port, email, DEMO_PASSWORD);
            follow(member, "/series/ai-to-shakai", "series", "ai-to-shakai");
            follow(member, "/series/sports-no-mado", "series", "sports-no-mado");
            follow(member, "/keywords/%E8%A6%B3%E5%85%89", "keyword", "観光");
            follow(member, "/entities/marco-rubio", "entity", "marco-rubio");
            // Twice is harmless.
            follow(member, "/entities/marco-rubio", "entity", "marco-rubio");

            Document list = member.page("/my/follows");
            assertThat(list.select("li.follow").eachAttr("data-follow"))
                    .contains("series:ai-to-shakai", "column:sports-no-mado", "keyword:観光", "entity:marco-rubio")
                    .doesNotHaveDuplicates();
            assertThat(list.selectFirst("li.follow[data-follow=column:sports-no-mado]").text()).contains("コラム", "スポーツの窓");
            assertThat(member.page("/entities/marco-rubio").selectFirst(".follow-button").text()).isEqualTo("フォロー中：ルビオ（解除）");
            assertThat(member.page("/series/ai-to-shakai").selectFirst(".follow-button").text()).contains("フォロー中：AIと社会");

            for (String[] follow : new String[][] {{"series", "ai-to-shakai"}, {"column", "sports-no-mado"},
                    {"keyword", "観光"}, {"entity", "marco-rubio"}}) {
                var answer = member.submit("/my/follows", "/follows/remove",
                        Map.of("kind", follow[0], "value", follow[1], "back", "/my/follows"));
                assertThat(answer.statusCode()).isEqualTo(302);
            }
            assertThat(member.page("/my/follows").select("li.follow").eachAttr("data-follow"))
                    .doesNotContain("series:ai-to-shakai", "column:sports-no-mado", "keyword:観光", "entity:marco-rubio");
            assertThat(member.page("/entities/marco-rubio").selectFirst(".follow-button").text()).isEqualTo("＋ ルビオ をフォロー");
        }
    }

    @Test
    void followButtonsAnswerHtmxWithTheButtonItself() {
        var trial = WebSession.loggedIn(port, "trial@example.com", DEMO_PASSWORD);
        String token = trial.page("/entities/sergey-lavrov").selectFirst("input[name=_csrf]").val();
        var answer = send(trial, HttpRequest.newBuilder(URI.create(trial.base() + "/follows"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString("kind=entity&value=sergey-lavrov&back=%2Fentities%2Fsergey-lavrov&_csrf=" + token)));
        assertThat(answer.statusCode()).isEqualTo(200);
        Document fragment = Jsoup.parse(answer.body());
        assertThat(fragment.select("html > body > form.follow-form")).hasSize(1);
        assertThat(fragment.selectFirst("button").text()).isEqualTo("フォロー中：ラブロフ（解除）");
        assertThat(fragment.selectFirst("form").attr("hx-post")).isEqualTo("/follows/remove");
        assertThat(fragment.select("header.masthead")).isEmpty();
        trial.submit("/my/follows", "/follows/remove", Map.of("kind", "entity", "value", "sergey-lavrov"));
    }

    @Test
    void anonymousReadersAreAskedToLogInAndFreeMembersAreShownThePlans() {
        var anonymous = new WebSession(port);
        // The button an anonymous reader sees is a link that explains.
        Element button = anonymous.page("/entities/marco-rubio").selectFirst("a.follow-button");
        assertThat(button.text()).isEqualTo("＋ ルビオ をフォロー");
        Document explained = page(anonymous.get(button.attr("href")), 403);
        assertThat(explained.selectFirst(".refusal-message").text()).isEqualTo("この機能を使うにはログインが必要です。");
        assertThat(explained.select(".refused a").eachAttr("href")).anyMatch(href -> href.startsWith("/login?next="));
        assertThat(anonymous.page("/articles/" + RICE).selectFirst("figure a.save-button").attr("href")).isEqualTo("/saves/figures");
        // Posting directly, with a session's CSRF token (from the log-in page), is refused all the same.
        for (String action : List.of("/follows", "/saves/articles", "/saves/figures")) {
            Document refused = page(anonymous.submit("/login", action,
                    Map.of("kind", "entity", "value", "marco-rubio", "articleId", TIMELINE, "imageId", TIMELINE_FIGURE)), 403);
            assertThat(refused.selectFirst(".refusal-message").text()).isEqualTo("この機能を使うにはログインが必要です。");
        }
        // Without any token the security chain refuses before anything is read.
        assertThat(new WebSession(port).post("/follows", Map.of("kind", "entity", "value", "marco-rubio")).statusCode())
                .isEqualTo(403);
        JsonNode problem = problem(anonymous.get("/api/v1/my/news", "application/json"), 403);
        assertThat(problem.get("refusal").asString()).isEqualTo("LOG_IN");
        assertThat(problem.get("detail").asString()).isEqualTo("この機能を使うにはログインが必要です。");
        assertThat(problem(anonymous.get("/api/v1/my/saved", "application/json"), 403).get("refusal").asString()).isEqualTo("LOG_IN");

        var free = WebSession.loggedIn(port, "free@example.com", DEMO_PASSWORD);
        Element freeButton = free.page("/entities/marco-rubio").selectFirst("form.follow-form");
        assertThat(freeButton.hasAttr("hx-post")).isFalse();
        for (String action : List.of("/follows", "/saves/articles", "/saves/figures")) {
            Document refused = page(free.submit("/entities/marco-rubio", action,
                    Map.of("kind", "entity", "value", "marco-rubio", "articleId", TIMELINE, "imageId", TIMELINE_FIGURE)), 403);
            assertThat(refused.selectFirst(".refusal-message").text()).contains("有料会員（お試し期間中の方を含む）限定");
            assertThat(refused.select(".refused a").eachAttr("href")).contains("/plans");
        }
        assertThat(page(free.get("/my/news"), 403).selectFirst(".refusal-message").text()).contains("有料会員");
        String token = csrf(free);
        for (var call : List.<Supplier<HttpResponse<String>>>of(
                () -> free.postJson("/api/v1/my/follows", "{\"kind\":\"entity\",\"value\":\"marco-rubio\"}", Map.of("X-CSRF-TOKEN", token)),
                () -> send(free, HttpRequest.newBuilder(URI.create(free.base() + "/api/v1/my/saved/" + TIMELINE))
                        .header("X-CSRF-TOKEN", token).PUT(HttpRequest.BodyPublishers.noBody())),
                () -> free.get("/api/v1/my/figures", "application/json"))) {
            JsonNode refused = problem(call.get(), 403);
            assertThat(refused.get("refusal").asString()).isEqualTo("PAID_ONLY");
            assertThat(refused.get("plans").asString()).isEqualTo("/plans");
        }
        Member freeMember = accounts.findByEmail("free@example.com").orElseThrow();
        assertThat(follows.follows(freeMember.id())).isEmpty();
        assertThat(saves.isSaved(freeMember.id(), TIMELINE)).isFalse();
    }

    @Test
    void badInputIsExplainedAndNothingIsStored() {
        var trial = WebSession.loggedIn(port, "trial@example.com", DEMO_PASSWORD);
        int before = trial.page("/my/follows").select("li.follow").size();
        assertBad(trial, "entity", "no-such-person", 404, "指定された人物・組織・地名は見つかりませんでした。");
        assertBad(trial, "series", "no-such-series", 404, "指定された連載・コラムは見つかりませんでした。");
        assertBad(trial, "keyword", "   ", 400, "フォローするキーワードを入力してください。");
        assertBad(trial, "keyword", "あ".repeat(51), 400, "キーワードは50文字以内で入力してください。");
        assertBad(trial, "planet", "mars", 400, "フォローする対象の種類が正しくありません。");
        Document noArticle = page(trial.submit("/my/saved", "/saves/articles", Map.of("articleId", "zzzzzzzzzzzz")), 404);
        assertThat(noArticle.selectFirst(".personal-error").text()).isEqualTo("指定された記事は見つかりませんでした。公開が終了した可能性があります。");
        Document noFigure = page(trial.submit("/my/saved", "/saves/figures", Map.of("articleId", RICE, "imageId", TIMELINE_FIGURE)), 404);
        assertThat(noFigure.selectFirst(".personal-error").text()).isEqualTo("指定された図は、この記事にはありません。");
        assertThat(trial.page("/my/follows").select("li.follow")).hasSize(before);

        JsonNode problem = problem(trial.postJson("/api/v1/my/follows", "{\"kind\":\"keyword\",\"value\":\"\"}",
                Map.of("X-CSRF-TOKEN", csrf(trial))), 400);
        assertThat(problem.get("detail").asString()).isEqualTo("フォローするキーワードを入力してください。");
        assertThat(problem(trial.postJson("/api/v1/my/follows", "{\"kind\":\"entity\",\"value\":\"nobody\"}",
                Map.of("X-CSRF-TOKEN", csrf(trial))), 404).get("error").asString()).isEqualTo("unknownEntity");
    }

    @Test
    void theFacadesAskAccessThemselvesWhoeverCallsThem() {
        Member free = accounts.findByEmail("free@example.com").orElseThrow();
        int before = follows.follows(free.id()).size();
        assertThatThrownBy(() -> follows.follow(free.id(), "keyword", "米ロ関係"))
                .isInstanceOfSatisfying(ActionRefusedException.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(ActionAccess.Refusal.PAID_ONLY));
        assertThatThrownBy(() -> saves.saveArticle(free.id(), RICE)).isInstanceOf(ActionRefusedException.class);
        assertThatThrownBy(() -> myNews.page(free.id(), 1, 20)).isInstanceOf(ActionRefusedException.class);
        assertThat(follows.follows(free.id())).hasSize(before);
        assertThat(saves.isSaved(free.id(), RICE)).isFalse();
    }

    @Test
    void followingAnEntityCatchesAnotherSpellingInMyNewsUnreadUntilOpened() {
        var trial = WebSession.loggedIn(port, "trial@example.com", DEMO_PASSWORD);
        follow(trial, "/entities/steve-witkoff", "entity", "steve-witkoff");
        String marker = "検証用" + UUID.randomUUID().toString().substring(0, 8);
        ArticleId id = desk.publish(content("特使ウィトコフ氏が再訪へ " + marker, "米国のウィトコフ特使が近く再訪する見通しとなった。",
                List.of()));
        try {
            Element item = await().until(() -> trial.page("/my/news").selectFirst("li.news-item[data-article-id='" + id.value() + "']"),
                    Objects::nonNull);
            assertThat(item.selectFirst(".summary-headline").text()).contains(marker);
            assertThat(item.select(".news-reason").eachText()).contains("フォロー中: ウィットコフ");
            assertThat(item.selectFirst(".unread-mark").text()).isEqualTo("未読");
            assertThat(item.hasClass("unread")).isTrue();
            // Newest first: the new article leads the feed.
            assertThat(trial.page("/my/news").selectFirst("li.news-item").attr("data-article-id")).isEqualTo(id.value());

            assertThat(trial.get("/articles/" + id.value()).statusCode()).isEqualTo(200);
            Element read = trial.page("/my/news").selectFirst("li.news-item[data-article-id='" + id.value() + "']");
            assertThat(read.select(".unread-mark")).isEmpty();
            assertThat(read.hasClass("read")).isTrue();

            JsonNode news = json.readTree(trial.get("/api/v1/my/news", "application/json").body());
            JsonNode first = news.get("items").get(0);
            assertThat(first.get("id").asString()).isEqualTo(id.value());
            assertThat(first.get("unread").asBoolean()).isFalse();
            assertThat(first.get("reasons").get(0).get("label").asString()).isEqualTo("ウィットコフ");
        } finally {
            desk.withdraw(id);
            trial.submit("/my/follows", "/follows/remove", Map.of("kind", "entity", "value", "steve-witkoff"));
        }
        // Withdrawn articles leave the feed (the paid demo member follows the same entity).
        var paid = WebSession.loggedIn(port, "paid@example.com", DEMO_PASSWORD);
        await().until(() -> json.readTree(paid.get("/api/v1/my/news?size=100", "application/json").body()).get("items")
                .valueStream().noneMatch(n -> n.get("id").asString().equals(id.value())));
    }

    @Test
    void myNewsPagesThroughEverythingFollowedNewestFirst() {
        var paid = WebSession.loggedIn(port, "paid@example.com", DEMO_PASSWORD);
        JsonNode first = json.readTree(paid.get("/api/v1/my/news?size=3", "application/json").body());
        JsonNode second = json.readTree(paid.get("/api/v1/my/news?size=3&page=2", "application/json").body());
        assertThat(first.get("items")).hasSize(3);
        assertThat(first.get("hasNext").asBoolean()).isTrue();
        assertThat(second.get("page").asInt()).isEqualTo(2);
        List<String> ids = new java.util.ArrayList<>();
        List<Instant> dates = new java.util.ArrayList<>();
        for (JsonNode page : List.of(first, second)) {
            page.get("items").forEach(item -> {
                ids.add(item.get("id").asString());
                dates.add(java.time.OffsetDateTime.parse(item.get("publishedAt").asString()).toInstant());
                assertThat(item.get("reasons")).isNotEmpty();
            });
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // The page shows the same articles, and the pager when there is more.
        Document page = paid.page("/my/news");
        assertThat(page.select("li.news-item").eachAttr("data-article-id")).startsWith(ids.subList(0, 3).toArray(String[]::new));
        assertThat(page.select("li.news-item .news-reason").eachText()).anyMatch(reason -> reason.equals("連載: ウクライナ停戦交渉"));
        assertThat(paid.page("/my/news?page=2").select("li.news-item").eachAttr("data-article-id")).doesNotContainAnyElementsOf(
                page.select("li.news-item").eachAttr("data-article-id"));
    }

    @Test
    void savingTwiceIsHarmlessAndAWithdrawnArticleStaysAsANotice() {
        var trial = WebSession.loggedIn(port, "trial@example.com", DEMO_PASSWORD);
        String marker = "保存検証" + UUID.randomUUID().toString().substring(0, 8);
        ArticleId id = desk.publish(content("保存される記事 " + marker, "保存の動作を確かめるための記事。", List.of()));
        boolean withdrawn = false;
        try {
            String articlePath = "/articles/" + id.value();
            assertThat(trial.page(articlePath).selectFirst("#save-article-" + id.value() + " button").text()).isEqualTo("保存する");
            for (int i = 0; i < 2; i++) {
                var answer = trial.submit(articlePath, "/saves/articles", Map.of("articleId", id.value(), "back", articlePath));
                assertThat(answer.statusCode()).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith(articlePath);
            }
            assertThat(trial.page(articlePath).selectFirst("#save-article-" + id.value() + " button").text()).isEqualTo("保存済み");
            Document saved = trial.page("/my/saved");
            assertThat(saved.select("li.saved-article[data-article-id='" + id.value() + "']")).hasSize(1);
            assertThat(saved.selectFirst("li.saved-article").attr("data-article-id")).isEqualTo(id.value());
            // Search inside the list.
            assertThat(trial.page("/my/saved?q=" + marker).select("li.saved-article").eachAttr("data-article-id"))
                    .containsExactly(id.value());
            assertThat(trial.page("/my/saved?q=存在しない見出し").selectFirst(".empty").text()).contains("一致するものはありません");

            desk.withdraw(id);
            withdrawn = true;
            Element notice = await().until(() -> trial.page("/my/saved").selectFirst("li.saved-article.withdrawn[data-article-id='" + id.value() + "']"),
                    Objects::nonNull);
            assertThat(notice.selectFirst(".withdrawn-notice").text()).isEqualTo("この記事は取り下げられました");
            assertThat(notice.text()).contains(marker);
            assertThat(notice.select("a[href]")).isEmpty();
            JsonNode api = json.readTree(trial.get("/api/v1/my/saved/" + id.value(), "application/json").body());
            assertThat(api.get("withdrawn").asBoolean()).isTrue();
            assertThat(api.get("url").isNull()).isTrue();

            for (int i = 0; i < 2; i++) {
                assertThat(trial.submit("/my/saved", "/saves/articles/remove", Map.of("articleId", id.value(), "back", "/my/saved"))
                        .statusCode()).isEqualTo(302);
            }
            assertThat(trial.page("/my/saved").select("li.saved-article[data-article-id='" + id.value() + "']")).isEmpty();
        } finally {
            if (!withdrawn) {
                desk.withdraw(id);
            }
        }
    }

    @Test
    void figuresAreSavedOneByOneAndSearchedByCaption() {
        var trial = WebSession.loggedIn(port, "trial@example.com", DEMO_PASSWORD);
        Document article = trial.page("/articles/" + RICE);
        Element button = article.selectFirst("figure#figure-" + RICE_FIGURE.replace(".", "\\.") + " form.save-form");
        assertThat(button.selectFirst("button").text()).isEqualTo("図を保存");
        assertThat(trial.submit("/articles/" + RICE, "/saves/figures",
                Map.of("articleId", RICE, "imageId", RICE_FIGURE, "back", "/articles/" + RICE)).statusCode()).isEqualTo(302);
        assertThat(trial.submit("/articles/" + TIMELINE, "/saves/figures",
                Map.of("articleId", TIMELINE, "imageId", TIMELINE_FIGURE)).statusCode()).isEqualTo(302);
        assertThat(trial.submit("/articles/" + TIMELINE, "/saves/figures",
                Map.of("articleId", TIMELINE, "imageId", TIMELINE_FIGURE)).statusCode()).isEqualTo(302);
        try {
            Document figures = trial.page("/my/figures");
            assertThat(figures.select("li.saved-figure").eachAttr("data-image-id")).containsExactly(TIMELINE_FIGURE, RICE_FIGURE);
            assertThat(figures.selectFirst("li.saved-figure img").attr("src")).isEqualTo("/images/" + TIMELINE_FIGURE);
            Document rice = trial.page("/my/figures?q=" + java.net.URLEncoder.encode("コメ平均価格", java.nio.charset.StandardCharsets.UTF_8));
            assertThat(rice.select("li.saved-figure").eachAttr("data-image-id")).containsExactly(RICE_FIGURE);
            assertThat(rice.selectFirst("li.saved-figure .caption").text()).contains("コメ平均価格");
            assertThat(trial.page("/articles/" + RICE).selectFirst("figure form.save-form button").text()).isEqualTo("図を保存済み（解除）");

            JsonNode api = json.readTree(trial.get("/api/v1/my/figures", "application/json").body());
            assertThat(api.get("items").valueStream().map(n -> n.get("imageId").asString()).toList())
                    .containsExactly(TIMELINE_FIGURE, RICE_FIGURE);
            JsonNode searched = json.readTree(trial.get("/api/v1/my/figures?q=%E3%82%B3%E3%83%A1", "application/json").body());
            assertThat(searched.get("total").asLong()).isEqualTo(1);
        } finally {
            trial.submit("/my/figures", "/saves/figures/remove", Map.of("articleId", RICE, "imageId", RICE_FIGURE));
            trial.submit("/my/figures", "/saves/figures/remove", Map.of("articleId", TIMELINE, "imageId", TIMELINE_FIGURE));
        }
        assertThat(trial.page("/my/figures").select("li.saved-figure")).isEmpty();
    }

    @Test
    void theApiShowsAndChangesTheSameLists() {
        var paid = WebSession.loggedIn(port, "paid@example.com", DEMO_PASSWORD);
        String token = csrf(paid);
        // The demo's saved article and figure, on the page and in the API.
        assertThat(paid.page("/my/saved").select("li.saved-article").eachAttr("data-article-id")).contains(ANALYSIS);
        JsonNode saved = json.readTree(paid.get("/api/v1/my/saved", "application/json").body());
        assertThat(saved.get("items").valueStream().map(n -> n.get("id").asString()).toList()).contains(ANALYSIS);
        JsonNode followed = json.readTree(paid.get("/api/v1/my/follows", "application/json").body());
        assertThat(followed.valueStream().map(n -> n.get("kind").asString() + ":" + n.get("value").asString()).toList())
                .contains("entity:steve-witkoff", "series:ukraine-talks", "column:keizai-no-me", "keyword:米ロ関係");
        assertThat(paid.page("/my/follows").select("li.follow").eachAttr("data-follow"))
                .contains("entity:steve-witkoff", "series:ukraine-talks", "column:keizai-no-me", "keyword:米ロ関係");

        // PUT twice, then GET, then DELETE twice.
        for (int i = 0; i < 2; i++) {
            var put = send(paid, HttpRequest.newBuilder(URI.create(paid.base() + "/api/v1/my/saved/" + RICE))
                    .header("X-CSRF-TOKEN", token).PUT(HttpRequest.BodyPublishers.noBody()));
            assertThat(put.statusCode()).isEqualTo(200);
        }
        assertThat(json.readTree(paid.get("/api/v1/my/saved/" + RICE, "application/json").body()).get("url").asString())
                .isEqualTo("/articles/" + RICE);
        assertThat(paid.page("/my/saved").select("li.saved-article").eachAttr("data-article-id")).startsWith(RICE);
        // Without the CSRF header a change is refused.
        assertThat(send(paid, HttpRequest.newBuilder(URI.create(paid.base() + "/api/v1/my/saved/" + RICE))
                .DELETE()).statusCode()).isEqualTo(403);
        for (int i = 0; i < 2; i++) {
            assertThat(send(paid, HttpRequest.newBuilder(URI.create(paid.base() + "/api/v1/my/saved/" + RICE))
                    .header("X-CSRF-TOKEN", token).DELETE()).statusCode()).isEqualTo(204);
        }
        assertThat(paid.get("/api/v1/my/saved/" + RICE, "application/json").statusCode()).isEqualTo(404);

        var follow = paid.postJson("/api/v1/my/follows", "{\"kind\":\"keyword\",\"value\":\"宿泊税\"}", Map.of("X-CSRF-TOKEN", token));
        assertThat(follow.statusCode()).isEqualTo(200);
        assertThat(json.readTree(follow.body()).get("label").asString()).isEqualTo("宿泊税");
        assertThat(paid.page("/my/follows").select("li.follow").eachAttr("data-follow")).contains("keyword:宿泊税");
        assertThat(send(paid, HttpRequest.newBuilder(URI.create(paid.base() + "/api/v1/my/follows?kind=keyword&value=%E5%AE%BF%E6%B3%8A%E7%A8%8E"))
                .header("X-CSRF-TOKEN", token).DELETE()).statusCode()).isEqualTo(204);
        assertThat(paid.page("/my/follows").select("li.follow").eachAttr("data-follow")).doesNotContain("keyword:宿泊税");
    }

    @Test
    void aDeletedMembersFollowsAndSavesAreForgottenAndExportedBefore() {
        String email = "leaving-" + UUID.randomUUID() + "@example.com";
        String password = "leaving-password-" + UUID.randomUUID().toString().substring(0, 6);
        Member member = accounts.createVerified(email, password, "退会 予定", java.util.Set.of(Role.EXPERT));
        assertThat(entitlements.mayUse(Reader.of(new jp.kawaraban.member.MemberPrincipal(member, null)), Action.FOLLOW).allowed()).isTrue();
        var session = WebSession.loggedIn(port, email, password);
        follow(session, "/entities/marco-rubio", "entity", "marco-rubio");
        assertThat(session.submit("/articles/" + RICE, "/saves/articles", Map.of("articleId", RICE)).statusCode()).isEqualTo(302);
        assertThat(session.submit("/articles/" + RICE, "/saves/figures", Map.of("articleId", RICE, "imageId", RICE_FIGURE))
                .statusCode()).isEqualTo(302);

        JsonNode export = json.readTree(session.get("/my/account/export.json").body());
        assertThat(export.get("personal").get("follows").get(0).get("value").asString()).isEqualTo("marco-rubio");
        assertThat(export.get("personal").get("savedArticles").get(0).get("articleId").asString()).isEqualTo(RICE);
        assertThat(export.get("personal").get("savedFigures").get(0).get("imageId").asString()).isEqualTo(RICE_FIGURE);

        assertThat(session.submit("/my/account", "/my/account/delete", Map.of("password", password)).statusCode()).isEqualTo(200);
        await().until(() -> follows.follows(member.id()).isEmpty() && !saves.isSaved(member.id(), RICE)
                && saves.savedFigureIds(member.id(), RICE).isEmpty());
    }

    // --- helpers

    private void follow(WebSession member, String pagePath, String kind, String value) {
        var answer = member.submit(pagePath, "/follows", Map.of("kind", kind, "value", value, "back", pagePath));
        assertThat(answer.statusCode()).as("follow " + kind + " " + value).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith(pagePath);
    }

    private void assertBad(WebSession member, String kind, String value, int status, String message) {
        Document page = page(member.submit("/my/follows", "/follows", Map.of("kind", kind, "value", value)), status);
        assertThat(page.selectFirst(".personal-error").text()).isEqualTo(message);
    }

    private String csrf(WebSession session) {
        JsonNode token = json.readTree(session.get("/api/v1/my/csrf", "application/json").body());
        assertThat(token.get("headerName").asString()).isEqualTo("X-CSRF-TOKEN");
        return token.get("token").asString();
    }

    private static HttpResponse<String> send(WebSession session, HttpRequest.Builder request) {
        // WebSession keeps the cookies in its own client; reuse them through its public methods where it can.
        return session.send(request.build());
    }

    private static ArticleContent content(String headline, String paragraph, List<String> keywords) {
        return new ArticleContent(headline, null, paragraph, new Body(List.of(new Block.Paragraph(paragraph))),
                List.of("テスト 記者"), "world", null, keywords, AccessLevel.FREE, null, false, List.of());
    }

    private static Document page(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        return Jsoup.parse(answer.body());
    }

    private JsonNode problem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        return json.readTree(answer.body());
    }
}
