package jp.kawaraban.commentary;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticleMarkup;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Experts' commentary over real HTTP, as experts, members, editors and anonymous readers see
 * it. Every test removes the commentary it wrote (and the accounts' profiles it made), so
 * other test classes sharing the application see the demo data as it was.
 */
@KawarabanTest
class CommentarySiteTest {

    private static final String RICE = ArticleId.derivedFrom("demo:business-rice-prices-stay-high").value();
    private static final String BUDGET = ArticleId.derivedFrom("demo:politics-budget-committee-debate").value();
    private static final String YEN = ArticleId.derivedFrom("demo:business-yen-rate-hike-expectations").value();
    private static final String RIYADH = ArticleId.derivedFrom("demo:hokuyo-riyadh-talks").value();
    private static final List<String> TEST_ARTICLES = List.of(RICE, BUDGET, YEN, RIYADH);

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    ArticleDesk desk;

    private final List<MemberId> madeExperts = new java.util.ArrayList<>();
    private final List<String> madeArticles = new java.util.ArrayList<>();

    @AfterEach
    void removeWhatTheTestWrote() {
        List<String> articles = new java.util.ArrayList<>(TEST_ARTICLES);
        articles.addAll(madeArticles);
        jdbc.sql("DELETE FROM commentary WHERE article_id = ANY(?)").param(articles.toArray(String[]::new)).update();
        for (MemberId expert : madeExperts) {
            jdbc.sql("DELETE FROM commentary WHERE expert_id = ?").param(expert.value()).update();
            jdbc.sql("DELETE FROM commentary_expert WHERE member_id = ?").param(expert.value()).update();
        }
    }

    // --- writing, editing, deleting ------------------------------------------------------

    @Test
    void anExpertWritesRewritesAndDeletesTheirOwnCommentary() {
        WebSession expert = login("expert@example.com");
        Document page = expert.page("/articles/" + RICE);
        Element form = page.selectFirst("section.commentary form.commentary-form");
        assertThat(form).as("the expert's writing form").isNotNull();
        assertThat(form.attr("action")).isEqualTo("/articles/" + RICE + "/commentary");

        HttpResponse<String> written = expert.submit("/articles/" + RICE, "/articles/" + RICE + "/commentary",
                Map.of("text", "備蓄米の放出だけでは流通の目詰まりは解けません。\n\n卸の在庫を見える化することが先決です。"));
        assertThat(written.statusCode()).isEqualTo(302);
        assertThat(written.headers().firstValue("Location").orElseThrow()).endsWith("/articles/" + RICE + "#commentary");

        Element item = onlyItem(expert.page("/articles/" + RICE));
        assertThat(item.select(".commentary-text p").eachText())
                .containsExactly("備蓄米の放出だけでは流通の目詰まりは解けません。", "卸の在庫を見える化することが先決です。");
        assertThat(item.selectFirst(".expert-name").text()).isEqualTo("識者 花子");
        assertThat(item.selectFirst(".expert-title").text()).isEqualTo("労働経済学者・東都大学教授");
        assertThat(item.selectFirst(".initials").text()).isEqualTo("花");
        assertThat(item.selectFirst("a.expert-badge").attr("href")).isEqualTo("/experts/" + expertId("expert@example.com"));
        assertThat(item.select(".commentary-edited")).isEmpty();

        // Writing again on the same article rewrites the one commentary: still one, now marked edited.
        assertThat(expert.submit("/articles/" + RICE, "/articles/" + RICE + "/commentary",
                Map.of("text", "書き直しました。在庫の見える化が先決です。")).statusCode()).isEqualTo(302);
        Document rewritten = expert.page("/articles/" + RICE);
        item = onlyItem(rewritten);
        assertThat(item.selectFirst(".commentary-text").text()).isEqualTo("書き直しました。在庫の見える化が先決です。");
        assertThat(item.selectFirst(".commentary-edited").text()).startsWith("編集済み");
        String id = item.attr("data-commentary-id");
        assertThat(rewritten.selectFirst("form.commentary-form").attr("action")).isEqualTo("/commentary/" + id);
        assertThat(rewritten.selectFirst("form.commentary-form textarea").text()).isEqualTo("書き直しました。在庫の見える化が先決です。");

        assertThat(expert.submit("/articles/" + RICE, "/commentary/" + id, Map.of("text", "三度目の文面。")).statusCode())
                .isEqualTo(302);
        assertThat(onlyItem(expert.page("/articles/" + RICE)).selectFirst(".commentary-text").text()).isEqualTo("三度目の文面。");

        assertThat(expert.submit("/articles/" + RICE, "/commentary/" + id + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(expert.page("/articles/" + RICE).select("li.commentary-item")).isEmpty();
        assertThat(countFor(RICE)).isZero();
    }

    @Test
    void onlyExpertsMayWriteEvenWhenPostingDirectly() {
        for (String email : List.of("free@example.com", "paid@example.com", "editor@example.com")) {
            WebSession member = login(email);
            Document page = member.page("/articles/" + RICE);
            assertThat(page.select("form.commentary-form")).as(email + " gets no form").isEmpty();
            HttpResponse<String> refused = member.submit("/articles/" + RICE, "/articles/" + RICE + "/commentary",
                    Map.of("text", "専門家ではない者の書き込み"));
            assertThat(refused.statusCode()).as(email).isEqualTo(403);
            assertThat(Jsoup.parse(refused.body()).selectFirst(".refusal-message").text())
                    .isEqualTo("お使いのアカウントではこの操作はできません。");
        }
        WebSession anonymous = new WebSession(port);
        assertThat(anonymous.post("/articles/" + RICE + "/commentary", Map.of("text", "匿名の書き込み")).statusCode())
                .isEqualTo(403);
        assertThat(countFor(RICE)).isZero();

        String id = write("expert@example.com", RICE, "専門家の文面です。");
        WebSession free = login("free@example.com");
        assertThat(free.submit("/articles/" + RICE, "/commentary/" + id + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(free.submit("/articles/" + RICE, "/commentary/" + id, Map.of("text", "乗っ取り")).statusCode()).isEqualTo(403);
        assertThat(text(onlyItem(free.page("/articles/" + RICE)))).isEqualTo("専門家の文面です。");
    }

    @Test
    void anotherExpertCannotEditOrDeleteIt() {
        String id = write("expert@example.com", YEN, "利上げの織り込みは早すぎる。");
        String second = newExpert();
        WebSession other = login(second);
        HttpResponse<String> edit = other.submit("/articles/" + YEN, "/commentary/" + id, Map.of("text", "書き換えてやる"));
        assertThat(edit.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(edit.body()).selectFirst(".notice-error").text())
                .isEqualTo("ご自身のコメント以外は、書き直したり削除したりできません。");
        assertThat(other.submit("/articles/" + YEN, "/commentary/" + id + "/delete", Map.of()).statusCode()).isEqualTo(403);

        // Their own is a second, separate commentary; the first is untouched.
        assertThat(other.page("/articles/" + YEN).selectFirst("form.commentary-form").attr("action"))
                .isEqualTo("/articles/" + YEN + "/commentary");
        write(second, YEN, "私は別の見方をします。");
        Document page = login("free@example.com").page("/articles/" + YEN);
        assertThat(page.select("li.commentary-item .commentary-text").eachText())
                .containsExactly("利上げの織り込みは早すぎる。", "私は別の見方をします。");
    }

    @Test
    void badInputGetsAClearMessageAndNothingIsStored() {
        WebSession expert = login("expert@example.com");
        HttpResponse<String> blank = expert.submit("/articles/" + RIYADH, "/articles/" + RIYADH + "/commentary",
                Map.of("text", "  \n\u3000\n "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(blank.body()).selectFirst(".notice-error").text())
                .isEqualTo("コメントが空です。本文を書いてから送ってください。");

        String tooLong = "あ".repeat(2001);
        HttpResponse<String> longAnswer = expert.submit("/articles/" + RIYADH, "/articles/" + RIYADH + "/commentary",
                Map.of("text", tooLong));
        assertThat(longAnswer.statusCode()).isEqualTo(400);
        Document longPage = Jsoup.parse(longAnswer.body());
        assertThat(longPage.selectFirst(".notice-error").text()).isEqualTo("コメントが長すぎます。2,000字以内にまとめてください。");
        assertThat(longPage.selectFirst("form.commentary-form textarea").text()).as("the text is not lost").isEqualTo(tooLong);
        assertThat(countFor(RIYADH)).isZero();

        HttpResponse<String> unknown = expert.submit("/articles/" + RIYADH, "/articles/zzzzzzzzzzzz/commentary",
                Map.of("text", "存在しない記事へ"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(unknown.body()).selectFirst(".notice-error").text())
                .isEqualTo("この記事は公開を終了したか、見つかりません。コメントは書き込めません。");

        // Exactly at the limit is fine (in code points: 𠮷 counts once).
        assertThat(expert.submit("/articles/" + RIYADH, "/articles/" + RIYADH + "/commentary",
                Map.of("text", "𠮷".repeat(2000))).statusCode()).isEqualTo(302);
        assertThat(countFor(RIYADH)).isEqualTo(1);
    }

    @Test
    void linksAreLinksAndNothingElseIsMarkup() {
        write("expert@example.com", RICE,
                "資料：https://example.jp/report?id=1&x=2\"onmouseover=\"alert(1)\" を参照。<script>alert('x')</script><b>太字</b>");
        Element item = onlyItem(login("free@example.com").page("/articles/" + RICE));
        assertThat(item.select("script, b, [onmouseover]")).isEmpty();
        Element link = item.selectFirst(".commentary-text a");
        assertThat(link.attr("href")).isEqualTo("https://example.jp/report?id=1&x=2");
        assertThat(link.attr("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(link.attr("target")).isEqualTo("_blank");
        assertThat(item.selectFirst(".commentary-text").text()).contains("<script>alert('x')</script><b>太字</b>");
    }

    // --- who reads what ----------------------------------------------------------------

    @Test
    void membersReadTheTextAnonymousReadersOnlyTheCountAnywhere() {
        String phrase = "匿名には見せない一文-" + UUID.randomUUID();
        write("expert@example.com", RICE, phrase + "\n\n第二段落。");
        String expert = expertId("expert@example.com");

        WebSession free = login("free@example.com");
        Element item = onlyItem(free.page("/articles/" + RICE));
        assertThat(item.selectFirst(".commentary-text p").text()).isEqualTo(phrase);
        assertThat(free.page("/articles/" + RICE).selectFirst(".commentary-disclaimer").text()).contains("個人の見解");
        JsonNode api = json.readTree(free.get("/api/v1/articles/" + RICE + "/commentary").body());
        assertThat(api.get("count").asInt()).isEqualTo(1);
        assertThat(api.get("items").get(0).get("text").asString()).isEqualTo(phrase + "\n\n第二段落。");
        assertThat(api.get("items").get(0).get("expert").get("name").asString()).isEqualTo("識者 花子");
        assertThat(free.get("/experts/" + expert).body()).contains(phrase);
        assertThat(free.get("/api/v1/experts/" + expert).body()).contains(phrase);
        assertThat(free.get("/articles/" + RICE + "/print").body()).as("print view never shows commentary").doesNotContain(phrase);

        WebSession anonymous = new WebSession(port);
        HttpResponse<String> article = anonymous.get("/articles/" + RICE);
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(article.headers().firstValue("Cache-Control").orElse("")).contains("public");
        Document page = Jsoup.parse(article.body());
        assertThat(page.selectFirst("section.commentary .commentary-count").text()).isEqualTo("専門家1人がコメントしています");
        assertThat(page.selectFirst("section.commentary a.commentary-login").attr("href"))
                .isEqualTo("/login?next=%2Farticles%2F" + RICE);
        assertThat(page.select("li.commentary-item")).isEmpty();

        JsonNode anonymousApi = json.readTree(anonymous.get("/api/v1/articles/" + RICE + "/commentary").body());
        assertThat(anonymousApi.get("count").asInt()).isEqualTo(1);
        assertThat(anonymousApi.has("items")).isFalse();
        assertThat(anonymousApi.get("login").asString()).startsWith("/login?next=");

        Document profile = anonymous.page("/experts/" + expert);
        assertThat(profile.select(".commentary-article a").eachText()).contains("コメ価格、5キロ4200円台で高止まり");
        assertThat(profile.selectFirst(".commentary-gate")).isNotNull();

        for (String path : List.of("/articles/" + RICE, "/articles/" + RICE + "/print", "/api/v1/articles/" + RICE,
                "/api/v1/articles/" + RICE + "/commentary", "/experts/" + expert, "/api/v1/experts/" + expert,
                "/feeds/latest.xml", "/feeds/sections/business.xml", "/sitemap.xml", "/", "/sections/business",
                "/search?q=" + java.net.URLEncoder.encode("匿名には見せない", java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(anonymous.get(path).body()).as("anonymous " + path).doesNotContain(phrase).doesNotContain("第二段落");
        }
    }

    @Test
    void unknownExpertsAreNotFound() {
        WebSession anonymous = new WebSession(port);
        assertThat(anonymous.get("/experts/not-an-id").statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/experts/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        // A member who is not an expert has no profile page either.
        assertThat(anonymous.get("/experts/" + expertId("free@example.com")).statusCode()).isEqualTo(404);
        HttpResponse<String> api = anonymous.get("/api/v1/experts/" + UUID.randomUUID(), "application/json");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(json.readTree(api.body()).get("title").asString()).isEqualTo("専門家が見つかりません");
        assertThat(anonymous.get("/api/v1/articles/zzzzzzzzzzzz/commentary").statusCode()).isEqualTo(404);
    }

    @Test
    void theExpertEditsTheirProfile() {
        WebSession expert = login("expert@example.com");
        String id = expertId("expert@example.com");
        Document form = expert.page("/my/expert-profile");
        assertThat(form.selectFirst("input[name=title]").val()).isEqualTo("労働経済学者・東都大学教授");
        try {
            HttpResponse<String> bad = expert.submit("/my/expert-profile", "/my/expert-profile",
                    Map.of("displayName", "識者 花子", "title", "肩書き", "bio", "", "initials", "長すぎる頭文字"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(Jsoup.parse(bad.body()).selectFirst(".notice-error").text()).contains("頭文字（1～2字）は必須");
            assertThat(expert.submit("/my/expert-profile", "/my/expert-profile",
                    Map.of("displayName", "識者 花子", "title", "地域経済研究所 主任研究員", "bio", "試験用の紹介文。",
                            "initials", "識花")).statusCode()).isEqualTo(302);
            Document profile = new WebSession(port).page("/experts/" + id);
            assertThat(profile.selectFirst(".expert-title").text()).isEqualTo("地域経済研究所 主任研究員");
            assertThat(profile.selectFirst(".initials").text()).isEqualTo("識花");
            assertThat(login("free@example.com").get("/my/expert-profile").statusCode()).as("not an expert").isEqualTo(403);
        } finally {
            expert.submit("/my/expert-profile", "/my/expert-profile", Map.of("displayName", "識者 花子",
                    "title", "労働経済学者・東都大学教授", "bio", form.selectFirst("textarea[name=bio]").text(), "initials", "花"));
        }
    }

    // --- editors -------------------------------------------------------------------------

    @Test
    void editorsHideWithAReasonReadersNoLongerSeeItAndTheAuthorSeesWhy() {
        String phrase = "非表示にされる一文-" + UUID.randomUUID();
        String id = write("expert@example.com", BUDGET, phrase);
        WebSession editor = login("editor@example.com");
        assertThat(editor.page("/editor/commentary").select("li.commentary-item[data-commentary-id='" + id + "']")).hasSize(1);

        HttpResponse<String> noReason = editor.submit("/editor/commentary", "/editor/commentary/" + id + "/hide",
                Map.of("reason", "   "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noReason.body()).selectFirst(".notice-error").text())
                .isEqualTo("非表示にする理由を書いてください。理由はコメントを書いた専門家に伝わります。");
        WebSession free = login("free@example.com");
        assertThat(free.get("/articles/" + BUDGET).body()).contains(phrase);

        assertThat(editor.submit("/editor/commentary", "/editor/commentary/" + id + "/hide",
                Map.of("reason", "事実関係の確認が取れるまで")).statusCode()).isEqualTo(302);
        var stored = jdbc.sql("SELECT hidden_by, hidden_at FROM commentary WHERE id = ?").param(UUID.fromString(id))
                .query((rs, n) -> List.of(rs.getObject(1), rs.getObject(2))).single();
        assertThat(stored.get(0)).isEqualTo(UUID.fromString(expertId("editor@example.com")));
        assertThat(stored.get(1)).isNotNull();

        assertThat(free.get("/articles/" + BUDGET).body()).doesNotContain(phrase);
        assertThat(free.get("/api/v1/articles/" + BUDGET + "/commentary").body()).doesNotContain(phrase);
        assertThat(free.get("/experts/" + expertId("expert@example.com")).body()).doesNotContain(phrase);
        assertThat(new WebSession(port).page("/articles/" + BUDGET).select("section.commentary")).as("count 0: no block").isEmpty();

        Element own = onlyItem(login("expert@example.com").page("/articles/" + BUDGET));
        assertThat(own.selectFirst(".commentary-text").text()).isEqualTo(phrase);
        assertThat(own.selectFirst(".commentary-hidden-note").text()).contains("事実関係の確認が取れるまで");
        assertThat(editor.page("/editor/commentary").selectFirst("li[data-commentary-id='" + id + "'] .commentary-hidden-note").text())
                .contains("事実関係の確認が取れるまで");

        assertThat(editor.submit("/editor/commentary", "/editor/commentary/" + id + "/unhide", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(free.get("/articles/" + BUDGET).body()).contains(phrase);

        WebSession paid = login("paid@example.com");
        assertThat(paid.get("/editor/commentary").statusCode()).isEqualTo(403);
    }

    // --- withdrawn articles ----------------------------------------------------------------

    @Test
    void aWithdrawnArticlesCommentaryIsShownNowhereAndCannotBeWritten() {
        ArticleId id = desk.publish(new ArticleContent("撤回される試験記事", null, "リード。",
                ArticleMarkup.parse("本文。", f -> f), List.of("社会部 記者"), "society", null, List.of(),
                AccessLevel.FREE, null, false, List.of()));
        madeArticles.add(id.value());
        String phrase = "撤回記事への一文-" + UUID.randomUUID();
        write("expert@example.com", id.value(), phrase);
        WebSession free = login("free@example.com");
        String profile = "/experts/" + expertId("expert@example.com");
        assertThat(free.get(profile).body()).contains(phrase);

        desk.withdraw(id);
        assertThat(free.get("/articles/" + id.value()).statusCode()).isEqualTo(404);
        assertThat(free.get("/api/v1/articles/" + id.value() + "/commentary").statusCode()).isEqualTo(404);
        assertThat(free.get(profile).body()).doesNotContain(phrase).doesNotContain("撤回される試験記事");
        assertThat(free.get("/api/v1/experts/" + expertId("expert@example.com")).body()).doesNotContain(phrase);
        assertThat(login("editor@example.com").get("/editor/commentary").body()).doesNotContain(phrase);

        WebSession expert = login("expert@example.com");
        HttpResponse<String> refused = expert.submit("/", "/articles/" + id.value() + "/commentary", Map.of("text", "もう一度"));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(refused.body()).selectFirst(".notice-error").text())
                .isEqualTo("この記事は公開を終了したか、見つかりません。コメントは書き込めません。");
        assertThat(jdbc.sql("SELECT body FROM commentary WHERE article_id = ?").param(id.value()).query(String.class).single())
                .as("kept, unchanged, should the article come back").isEqualTo(phrase);
    }

    // --- the member's data ---------------------------------------------------------------

    @Test
    void theExportHasTheProfileAndCommentaryAndDeletingTheAccountForgetsThem() throws Exception {
        String email = newExpert();
        String phrase = "退会で消える一文-" + UUID.randomUUID();
        String id = write(email, RICE, phrase);
        WebSession expert = login(email);
        JsonNode export = json.readTree(expert.get("/my/account/export.json").body()).get("commentary");
        assertThat(export.get("profile").get("displayName").asString()).isEqualTo("第二 識者");
        assertThat(export.get("commentary").get(0).get("text").asString()).isEqualTo(phrase);
        assertThat(export.get("commentary").get(0).get("articleId").asString()).isEqualTo(RICE);
        String expertPage = "/experts/" + expertId(email);
        WebSession free = login("free@example.com");
        assertThat(free.get(expertPage).statusCode()).isEqualTo(200);
        // Read once before, so the article's commentary is kept with what every reader shares.
        assertThat(free.get("/articles/" + RICE).body()).contains(phrase);

        HttpResponse<String> deleted = expert.submit("/my/account", "/my/account/delete", Map.of("password", DEMO_PASSWORD));
        assertThat(deleted.statusCode()).isEqualTo(200);
        // the deletion reaches commentary through an event, after the account's commit
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(free.get("/articles/" + RICE).body()).doesNotContain(phrase));
        assertThat(free.get(expertPage).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM commentary WHERE id = ?").param(UUID.fromString(id))
                .query(Integer.class).single()).isZero();
    }

    // --- helpers -------------------------------------------------------------------------

    private WebSession login(String email) {
        return WebSession.loggedIn(port, email, DEMO_PASSWORD);
    }

    /** A second expert account, removed with its commentary after the test. */
    private String newExpert() {
        String email = "expert-" + UUID.randomUUID() + "@example.com";
        madeExperts.add(accounts.createVerified(email, DEMO_PASSWORD, "第二 識者", Set.of(Role.EXPERT)).id());
        return email;
    }

    /** Writes through the article page's form; returns the commentary's id. */
    private String write(String email, String article, String text) {
        WebSession expert = login(email);
        HttpResponse<String> answer = expert.submit("/articles/" + article, "/articles/" + article + "/commentary",
                Map.of("text", text));
        assertThat(answer.statusCode()).as("writing as " + email).isEqualTo(302);
        return expert.page("/articles/" + article).selectFirst("li.commentary-item.is-mine").attr("data-commentary-id");
    }

    private String expertId(String email) {
        return accounts.findByEmail(email).orElseThrow().id().toString();
    }

    private int countFor(String article) {
        return jdbc.sql("SELECT count(*) FROM commentary WHERE article_id = ?").param(article).query(Integer.class).single();
    }

    private static Element onlyItem(Document page) {
        assertThat(page.select("section.commentary li.commentary-item")).hasSize(1);
        return page.selectFirst("section.commentary li.commentary-item");
    }

    private static String text(Element item) {
        return item.selectFirst(".commentary-text").text();
    }
}
