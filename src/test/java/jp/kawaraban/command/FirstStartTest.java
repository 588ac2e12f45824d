package jp.kawaraban.command;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.kawaraban.KawarabanApplication;
import jp.kawaraban.TestDatabase;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import jp.kawaraban.article.Section;
import jp.kawaraban.editorial.AuditLog;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Role;
import jp.kawaraban.setup.internal.SetupCode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A newspaper's first day, on an installation nobody has set up: an application of its own
 * (not the shared test application, which runs the demo, nor the Stripe one, which the
 * browser test sets up — setup cannot be undone, so each needs a database that was never set
 * up), on a fresh database of the tests' PostgreSQL, started without the demo edition as
 * {@code OperatorSite} starts it for a command. Its steps run in order: before setup, the
 * setup itself through the {@code setup} command, after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartTest {

    static final String PASSWORD = "first-admin-password";
    static final String ADMIN = "desk-chief@toto.example";

    Path dataDir;
    String database;
    ConfigurableApplicationContext site;
    int port;

    @BeforeAll
    void startANewInstallation() throws IOException {
        dataDir = Files.createTempDirectory(Path.of("target"), "first-start");
        database = TestDatabase.newDatabase();
        site = OperatorSite.start(KawarabanApplication.class, dataDir, List.of("--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--kawaraban.demo=false"));
        port = Integer.parseInt(site.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (site != null) {
            OperatorSite.settle(site, java.time.Duration.ofMinutes(1), null); // indexing and tagging of what the tests published
            site.close();
        }
    }

    private CommandRun setupCommand(Map<String, String> environment, String... args) {
        return CommandRun.of((out, err) -> new SetupCommand(dataDir, out, err, environment, null)
                .run(args, KawarabanApplication.class));
    }

    private long administrators() {
        return site.getBean(JdbcClient.class).sql("SELECT count(*) FROM member_account WHERE 'ADMIN' = ANY(roles)")
                .query(Long.class).single();
    }

    private long storedSettings() {
        return site.getBean(JdbcClient.class).sql("SELECT count(*) FROM platform_setting").query(Long.class).single();
    }

    /** A browser on this machine: straight to the loopback address, no proxy in between. */
    private final class Local {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> submit(String page, Map<String, String> fields) throws Exception {
            Document form = Jsoup.parse(get(page).body());
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", form.selectFirst("input[name=_csrf]").val());
            String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static Map<String, String> setupForm(String name, String url, String email, String password, String sections) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("baseUrl", url);
        form.put("adminEmail", email);
        form.put("adminPassword", password);
        form.put("sections", sections);
        form.put("postalAddress", "〒100-0001 東京都千代田区東都1-1 東都新聞社");
        return form;
    }

    @Test
    @Order(1)
    void beforeSetupNobodyHasARoleAndNothingOfTheDemoIsThere() {
        assertThat(administrators()).isZero();
        assertThat(site.getBean(Accounts.class).findByEmail("admin@example.com")).isEmpty();
        assertThat(site.getBean(ArticleCatalog.class).countPublished()).isZero();
        assertThat(site.getBean(ArticleCatalog.class).sections()).isEmpty();
    }

    @Test
    @Order(2)
    void theSetupPageOpensOnlyOnThisMachineOrWithTheCodeFromTheLog() throws Exception {
        // A reader elsewhere, through a proxy: the site sees their address, not the proxy's.
        var elsewhere = new WebSession(port);
        HttpResponse<String> refused = elsewhere.get("/setup");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(refused.body()).text()).contains("起動時のログに出ているコード");
        assertThat(elsewhere.get("/setup?code=not-the-code").statusCode()).isEqualTo(403);
        HttpResponse<String> posted = elsewhere.post("/setup", setupForm("乗っ取り新聞", "https://evil.example", "evil@evil.example",
                "evil-password-123", ""));
        assertThat(posted.statusCode()).as("refused before it is read: no CSRF token, no code").isIn(403);
        assertThat(administrators()).isZero();

        String code = site.getBean(SetupCode.class).code();
        Document withCode = Jsoup.parse(elsewhere.get("/setup?code=" + code).body());
        assertThat(withCode.selectFirst("h1").text()).isEqualTo("瓦版のセットアップ");
        assertThat(withCode.selectFirst("input[name=code]").val()).isEqualTo(code);
        assertThat(withCode.selectFirst("input[name=sections]").val()).startsWith("world:国際, politics:政治, business:経済");

        Document local = Jsoup.parse(new Local().get("/setup").body());
        assertThat(local.selectFirst("input[name=baseUrl]").val()).isEqualTo("http://127.0.0.1:" + port);
    }

    @Test
    @Order(3)
    void badInputOnTheSetupPageIsExplainedInJapaneseAndStoresNothing() throws Exception {
        var browser = new Local();
        Map<String, Map<String, String>> forms = Map.of(
                "パスワードは10文字以上128文字以内で入力してください。",
                setupForm("東都新聞デジタル", "https://news.toto.example", ADMIN, "short", ""),
                "管理者のメールアドレスの形式が正しくありません。",
                setupForm("東都新聞デジタル", "https://news.toto.example", "desk-chief.toto.example", PASSWORD, ""),
                "公開アドレス「news.toto.example」は使えません。",
                setupForm("東都新聞デジタル", "news.toto.example", ADMIN, PASSWORD, ""),
                "公開アドレス「javascript:alert(1)」は使えません。",
                setupForm("東都新聞デジタル", "javascript:alert(1)", ADMIN, PASSWORD, ""),
                "セクション「Bad Code:国際」は使えません。",
                setupForm("東都新聞デジタル", "https://news.toto.example", ADMIN, PASSWORD, "Bad Code:国際"),
                "新聞の名前を40文字以内で入力してください。",
                setupForm("   ", "https://news.toto.example", ADMIN, PASSWORD, ""));
        for (var wrong : forms.entrySet()) {
            HttpResponse<String> answer = browser.submit("/setup", wrong.getValue());
            assertThat(answer.statusCode()).as(wrong.getKey()).isEqualTo(400);
            Document page = Jsoup.parse(answer.body());
            assertThat(page.selectFirst("[role=alert]").text()).contains(wrong.getKey());
            assertThat(page.selectFirst("input[name=adminPassword]").val()).as("a password is never sent back").isEmpty();
        }
        assertThat(administrators()).isZero();
        assertThat(storedSettings()).isZero();
        assertThat(site.getBean(ArticleCatalog.class).sections()).isEmpty();
    }

    /**
     * An operator who imports the archive before setup: the site has no section to put an
     * article in. The command says so and to run setup, once when it starts the application
     * itself (not a Java stack trace), and in each file's line through the running site (not "the
     * import failed"); nothing is stored either way.
     */
    @Test
    @Order(3)
    void anImportBeforeSetupSaysToSetTheSiteUpFirstAndStoresNothing() throws IOException {
        Path page = Files.writeString(Files.createTempDirectory(Path.of("target"), "first-start-import").resolve("page.txt"),
                "https://partner.example/news/1\n2026-12-01T09:00:00+0900\n市議会、予算案を可決\n市議会は予算案を可決した。\n",
                StandardCharsets.UTF_8);
        String setUpFirst = "先にセットアップしてください（java -jar kawaraban.jar setup、またはブラウザで /setup）。";

        CommandRun throughTheSite = importCommand(dataDir, "--publish", page.toString());
        assertThat(throughTheSite.exit()).as(throughTheSite.err()).isEqualTo(2);
        assertThat(throughTheSite.out()).contains(setUpFirst, "set it up first", "\"errorCode\":\"NO_SECTIONS\"");

        Path otherNode = Files.createTempDirectory(Path.of("target"), "first-start-import-node");
        CommandRun started = importCommand(otherNode, "--publish", "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--kawaraban.demo=false", page.toString());
        assertThat(started.exit()).as(started.err()).isEqualTo(1);
        assertThat(started.err()).contains(setUpFirst, "set it up first");
        assertThat(started.out()).isEmpty();
        assertThat(site.getBean(ArticleCatalog.class).sections()).isEmpty();
        assertThat(site.getBean(JdbcClient.class).sql("SELECT count(*) FROM article").query(Long.class).single()).isZero();
    }

    private CommandRun importCommand(Path dir, String... args) {
        return CommandRun.of((out, err) -> new ImportCommand(dir, out, err).run(args, KawarabanApplication.class));
    }

    @Test
    @Order(4)
    void theSetupCommandRefusesBadInputBeforeStartingAnything() {
        CommandRun weak = setupCommand(Map.of("KAWARABAN_ADMIN_PASSWORD", "short"), "--name=東都新聞デジタル",
                "--base-url=https://news.toto.example", "--admin-email=" + ADMIN);
        assertThat(weak.exit()).isEqualTo(1);
        assertThat(weak.err()).contains("パスワードは10文字以上128文字以内で入力してください。");
        CommandRun url = setupCommand(Map.of("KAWARABAN_ADMIN_PASSWORD", PASSWORD), "--name=東都新聞デジタル",
                "--base-url=ftp://news.toto.example", "--admin-email=" + ADMIN);
        assertThat(url.exit()).isEqualTo(1);
        assertThat(url.err()).contains("公開アドレス「ftp://news.toto.example」は使えません。");
        CommandRun email = setupCommand(Map.of("KAWARABAN_ADMIN_PASSWORD", PASSWORD), "--name=東都新聞デジタル",
                "--base-url=https://news.toto.example", "--admin-email=not-an-address");
        assertThat(email.exit()).isEqualTo(1);
        assertThat(email.err()).contains("管理者のメールアドレスの形式が正しくありません。");
        CommandRun noPassword = setupCommand(Map.of(), "--name=東都新聞デジタル", "--base-url=https://news.toto.example",
                "--admin-email=" + ADMIN);
        assertThat(noPassword.exit()).isEqualTo(1);
        assertThat(noPassword.err()).contains("Set KAWARABAN_ADMIN_PASSWORD", "usage: java -jar kawaraban.jar setup");
        assertThat(administrators()).isZero();
        assertThat(storedSettings()).isZero();
    }

    @Test
    @Order(5)
    void theSetupCommandSetsTheRunningSiteUpAndTheAdministratorLogsIn() throws Exception {
        CommandRun run = setupCommand(Map.of("KAWARABAN_ADMIN_PASSWORD", PASSWORD), "--name=東都新聞デジタル",
                "--base-url=https://news.toto.example/", "--admin-email=" + ADMIN,
                "--postal-address=〒100-0001 東京都千代田区東都1-1 東都新聞社");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("セットアップが完了しました。管理者 " + ADMIN + " でログインできます。");
        assertThat(site.getBean(ArticleCatalog.class).sections()).extracting(Section::name)
                .containsExactly("国際", "政治", "経済", "社会", "スポーツ", "テクノロジー", "文化");
        assertThat(site.getBean(Accounts.class).findByEmail(ADMIN)).hasValueSatisfying(admin -> {
            assertThat(admin.roles()).contains(Role.ADMIN, Role.EDITOR);
            assertThat(admin.emailVerified()).isTrue();
        });

        var admin = WebSession.loggedIn(port, ADMIN, PASSWORD);
        Document index = admin.page("/admin");
        assertThat(index.select("a").eachAttr("href")).contains("/admin/staff", "/admin/members", "/admin/plans",
                "/admin/settings");
        Document home = admin.page("/");
        assertThat(home.selectFirst("header a.brand").text()).isEqualTo("東都新聞デジタル");
        assertThat(home.selectFirst("link[rel=alternate][type=application/rss+xml]").attr("title")).isEqualTo("東都新聞デジタル");
        assertThat(new Local().get("/sitemap.xml").body()).contains("<loc>https://news.toto.example/</loc>");
        assertThat(admin.page("/editor/audit").text()).contains("セットアップ: 名前「東都新聞デジタル」");
    }

    @Test
    @Order(6)
    void onceSetUpTheSetupPageIsGoneAndSetupIsRefusedChangingNothing() throws Exception {
        assertThat(new Local().get("/setup").statusCode()).isEqualTo(404);
        String code = site.getBean(SetupCode.class).code();
        assertThat(new WebSession(port).get("/setup?code=" + code).statusCode()).isEqualTo(404);

        CommandRun again = setupCommand(Map.of("KAWARABAN_ADMIN_PASSWORD", "another-password-1"), "--name=別の新聞",
                "--base-url=https://other.example", "--admin-email=other@toto.example");
        assertThat(again.exit()).isEqualTo(SetupCommand.ALREADY_SET_UP);
        assertThat(again.err()).contains("この瓦版はすでにセットアップされています");
        assertThat(administrators()).isEqualTo(1);
        assertThat(site.getBean(Accounts.class).findByEmail("other@toto.example")).isEmpty();
        assertThat(new Local().get("/").body()).contains("東都新聞デジタル").doesNotContain("別の新聞");
    }

    @Test
    @Order(7)
    void settingsChangeTheNextPageWithoutARestartAndBadValuesStoreNothing() throws Exception {
        ArticleId paid = publish(AccessLevel.PAID, "有料記事その一", 1);
        var reader = new WebSession(port);
        assertThat(paragraphsShown(reader.page("/articles/" + paid.value()))).isEqualTo(7);

        var admin = WebSession.loggedIn(port, ADMIN, PASSWORD);
        Document form = admin.page("/admin/settings");
        assertThat(form.selectFirst("input[name=previewCharacters]").val()).isEqualTo("200");
        assertThat(form.selectFirst("input[name=freeMonthlyPaidArticles]").val()).isEqualTo("1");
        assertThat(form.selectFirst("input[name=postalAddress]").val()).isEqualTo("〒100-0001 東京都千代田区東都1-1 東都新聞社");

        for (var wrong : List.of(
                Map.entry(Map.of("previewCharacters", "-1"), "無料で読める冒頭の文字数は0から2000までの整数で入力してください。"),
                Map.entry(Map.of("previewCharacters", "999999"), "無料で読める冒頭の文字数は0から2000までの整数で入力してください。"),
                Map.entry(Map.of("freeMonthlyPaidArticles", "-3"), "無料会員が月に読める有料記事の本数は0から100までの整数で入力してください。"),
                Map.entry(Map.of("freeMonthlyPaidArticles", "たくさん"), "無料会員が月に読める有料記事の本数は0から100までの整数で入力してください。"),
                Map.entry(Map.of("importDefaultSection", "nowhere"), "セクション「nowhere」はありません。"),
                Map.entry(Map.of("name", ""), "新聞の名前を40文字以内で入力してください。"),
                Map.entry(Map.of("postalAddress", "  "), "送信者の住所を200文字以内の一行で入力してください。"))) {
            HttpResponse<String> answer = admin.submit("/admin/settings", "/admin/settings", settings(wrong.getKey()));
            assertThat(answer.statusCode()).as(wrong.getValue()).isEqualTo(400);
            assertThat(Jsoup.parse(answer.body()).selectFirst("[role=alert]").text()).contains(wrong.getValue());
        }
        assertThat(paragraphsShown(reader.page("/articles/" + paid.value()))).as("nothing stored").isEqualTo(7);

        HttpResponse<String> saved = admin.submit("/admin/settings", "/admin/settings",
                settings(Map.of("previewCharacters", "40")));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(paragraphsShown(reader.page("/articles/" + paid.value()))).as("the next page").isEqualTo(2);
        assertThat(admin.page("/editor/audit").text()).contains("有料・会員限定記事で誰でも読める冒頭の文字数:「200」→「40」");
    }

    @Test
    @Order(8)
    void aLargerAllowanceLetsAFreeMemberOpenMorePaidArticlesAtOnce() {
        var admin = WebSession.loggedIn(port, ADMIN, PASSWORD);
        HttpResponse<String> saved = admin.submit("/admin/settings", "/admin/settings",
                settings(Map.of("previewCharacters", "40", "freeMonthlyPaidArticles", "2")));
        assertThat(saved.statusCode()).isEqualTo(302);
        ArticleId paid = publish(AccessLevel.PAID, "有料記事その四", 4);
        ArticleId secondPaid = publish(AccessLevel.PAID, "有料記事その五", 5);

        // A free member now opens two paid articles in a month, not one (each with the paywall's button).
        site.getBean(Accounts.class).createVerified("free-reader@toto.example", PASSWORD, "読者", java.util.Set.of());
        var member = WebSession.loggedIn(port, "free-reader@toto.example", PASSWORD);
        assertThat(member.page("/articles/" + paid.value()).selectFirst(".paywall button.use-allowance").text())
                .isEqualTo("今月の無料枠（残り2本）を使って読む");
        for (ArticleId article : java.util.List.of(paid, secondPaid)) {
            String path = "/articles/" + article.value();
            assertThat(member.submit(path, path + "/allowance", Map.of()).statusCode()).isEqualTo(302);
            assertThat(member.page(path).select(".paywall")).isEmpty();
        }
        ArticleId third = publish(AccessLevel.PAID, "有料記事その六", 6);
        assertThat(member.page("/articles/" + third.value()).select(".paywall")).isNotEmpty();
        assertThat(member.page("/articles/" + third.value()).select(".paywall button.use-allowance")).isEmpty();
    }

    @Test
    @Order(9)
    void aSetUpSiteWithoutAPublicAddressRefusesToStartSayingWhy() throws IOException {
        // As if it had been set up otherwise and started without kawaraban.site.base-url.
        site.getBean(JdbcClient.class).sql("DELETE FROM platform_setting WHERE name = 'publication.base-url'").update();
        Path otherNode = Files.createTempDirectory(Path.of("target"), "first-start-node");
        assertThatThrownBy(() -> OperatorSite.start(KawarabanApplication.class, otherNode, List.of(
                "--spring.datasource.url=" + database, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--kawaraban.demo=false")).close())
                .hasStackTraceContaining("Set kawaraban.site.base-url")
                .hasStackTraceContaining("公開アドレス（kawaraban.site.base-url）が設定されていないため起動しません。");
    }

    private Map<String, String> settings(Map<String, String> changes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "東都新聞デジタル");
        form.put("previewCharacters", "200");
        form.put("freeMonthlyPaidArticles", "1");
        form.put("importDefaultSection", "society");
        form.put("postalAddress", "〒100-0001 東京都千代田区東都1-1 東都新聞社");
        form.putAll(changes);
        return form;
    }

    /** Twelve paragraphs of 30 characters each: a preview of N characters shows ceil(N / 30) of them. */
    private ArticleId publish(AccessLevel level, String headline, int n) {
        List<Block> paragraphs = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            paragraphs.add(new Block.Paragraph("東都市の議会は、来年度の予算案について審議を続けている。" + (char) ('Ａ' + i) + "。"));
        }
        assertThat(((Block.Paragraph) paragraphs.getFirst()).text()).hasSize(30);
        ArticleContent content = new ArticleContent(headline, null, "予算案の審議が続く。", new Body(paragraphs),
                List.of("東都 太郎"), "society", null, List.of(), level, null, false, List.of());
        return site.getBean(ArticleDesk.class).publish(ArticleId.derivedFrom("first-start:" + n), null, content,
                Instant.parse("2026-12-01T00:00:00Z").plusSeconds(n));
    }

    private static int paragraphsShown(Document article) {
        return article.select(".article-body > p").size();
    }
}
