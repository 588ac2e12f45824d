package jp.kawaraban.command;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jp.kawaraban.KawarabanApplication;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.platform.PlatformProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar kawaraban.jar import} against the running site: JSON lines, progress, exit codes. */
@KawarabanTest
class ImportCommandTest {

    static final Path PAGES = Path.of("src/test/resources/import/pages");
    final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    PlatformProperties platform;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    ArticleDesk desk;

    record Run(int exit, List<JsonNode> lines, String err) {
    }

    private Run run(String... args) {
        CommandRun run = CommandRun.of((out, err) -> new ImportCommand(platform.dataDir(), out, err)
                .run(args, KawarabanApplication.class));
        return new Run(run.exit(), run.out().lines().map(json::readTree).toList(), run.err());
    }

    @Test
    void aDryRunPrintsOneLinePerFileGoesOnPastABadOneAndStoresNothing(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path picture = dir.resolve("photo.png");
        Files.write(picture, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});

        Run run = run("--dry-run", PAGES.resolve("04-yamabiko-sports.html").toString(), picture.toString(),
                PAGES.resolve("10-euc-jp-saved-page.txt").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.lines()).hasSize(3);
        JsonNode sports = run.lines().get(0);
        assertThat(sports.get("file").asString()).endsWith("04-yamabiko-sports.html");
        assertThat(sports.get("headline").asString()).isEqualTo("みさき北高、初の全国切符　雪の中で延長制す");
        assertThat(sports.get("byline").asString()).isEqualTo("高橋健一");
        assertThat(sports.get("publishedAt").asString()).isEqualTo("2026-03-04T10:05+09:00");
        assertThat(sports.get("updatedAt").isNull()).isTrue();
        assertThat(sports.has("subheadline")).isTrue();
        assertThat(sports.get("sourceUrl").asString()).isEqualTo("https://yamabiko-sports.example/sports/highschool/12345");
        assertThat(sports.get("blocks").get(1).get("type").asString()).isEqualTo("heading");
        assertThat(sports.get("blocks").get(4).get("type").asString()).isEqualTo("list");
        assertThat(sports.get("blocks").get(4).get("items")).hasSize(3);
        assertThat(sports.get("blocks").get(0).get("text").asString()).startsWith("雪が舞う悪条件のなか");
        assertThat(sports.has("id")).isFalse();
        assertThat(sports.has("error")).isFalse();
        assertThat(run.lines().get(1).get("error").asString()).contains("記事のページ（HTMLまたはテキスト）ではありません", "Binary data");
        assertThat(run.lines().get(2).get("warnings").get(0).asString()).contains("EUC-JP");
        assertThat(run.err()).contains("100%  3 / 3 files", "2 of 3 files imported (dry run: nothing stored).");
        assertThat(desk.findBySourceKey("import:https://yamabiko-sports.example/sports/highschool/12345")).isEmpty();
    }

    @Test
    void publishingStoresEachPageWithItsIdAndExitsZero() {
        Run run = run("--publish", "--data-dir=" + platform.dataDir(), PAGES.resolve("15-amp-page.html").toString());

        assertThat(run.exit()).isZero();
        JsonNode line = run.lines().getFirst();
        String id = line.get("id").asString();
        assertThat(catalog.find(id)).hasValueSatisfying(a -> assertThat(a.content().headline()).isEqualTo("春の高校野球、出場32校が決まる"));
        assertThat(new WebSession(port).get("/articles/" + id).statusCode()).isEqualTo(200);

        Run again = run(PAGES.resolve("15-amp-page.html").toString());
        assertThat(again.exit()).isZero();
        assertThat(again.lines().getFirst().get("duplicateOf").asString()).isEqualTo(id);
        assertThat(again.lines().getFirst().has("id")).isFalse();
    }

    @Test
    void withoutAFlagPagesBecomeDraftsReadersDoNotSee() {
        Run run = run(PAGES.resolve("23-no-byline.html").toString());

        assertThat(run.exit()).isZero();
        String id = run.lines().getFirst().get("id").asString();
        assertThat(catalog.find(id)).isEmpty();
        assertThat(desk.forEditing(new jp.kawaraban.article.ArticleId(id))).isPresent();
        assertThat(run.lines().getFirst().get("warnings").get(0).asString()).isEqualTo("署名が見つからないため、媒体名「北国エアポートニュース」を署名にしました。");
    }

    @Test
    void aPageOfNoKnownOutletStaysADraftUntilTheCommandNamesWhoseItIs(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // The browser-copied page with no outlet, under a headline of its own (the desk's test imports the page as it is).
        Path page = dir.resolve("copied.txt");
        Files.writeString(page, Files.readString(PAGES.resolve("25-browser-copy-no-outlet.txt"))
                .replace("古い校舎を図書館に、町が改修案をまとめる", "旧校舎を町立図書館に、改修案まとまる"));

        Run unknown = run("--publish", page.toString());
        assertThat(unknown.exit()).isZero();
        JsonNode line = unknown.lines().getFirst();
        assertThat(line.get("source").asString()).isEqualTo("媒体不明");
        assertThat(line.get("status").asString()).isEqualTo("draft");
        assertThat(line.get("warnings").valueStream().map(JsonNode::asString).toList())
                .contains("どの媒体の記事か分からないため、公開せずに下書きとして保存しました。デスクで媒体名を入れてから公開してください。");
        assertThat(new WebSession(port).get("/articles/" + line.get("id").asString()).statusCode()).isEqualTo(404);

        Run named = run("--publish", "--source=北浜タイムズ", "--source-url=https://kitahama-times.example/news/2026/25",
                page.toString());
        assertThat(named.exit()).isZero();
        JsonNode published = named.lines().getFirst();
        assertThat(published.get("status").asString()).isEqualTo("published");
        assertThat(published.get("source").asString()).isEqualTo("北浜タイムズ");
        assertThat(published.get("sourceUrl").asString()).isEqualTo("https://kitahama-times.example/news/2026/25");
        assertThat(catalog.find(published.get("id").asString())).hasValueSatisfying(article -> {
            assertThat(article.content().source().name()).isEqualTo("北浜タイムズ");
            assertThat(article.content().bylines()).containsExactly("中村 大輔");
        });
    }

    @Test
    void anAddressForOnePageIsRefusedForManyOrWhenItIsNoWebAddress() {
        Run many = run("--source=北浜タイムズ", "--source-url=https://kitahama-times.example/a",
                PAGES.resolve("24-browser-copy-share-bar.txt").toString(), PAGES.resolve("25-browser-copy-no-outlet.txt").toString());
        assertThat(many.exit()).isEqualTo(1);
        assertThat(many.err()).contains("--source-url is the address of one page");
        assertThat(many.lines()).isEmpty();
        Run notWeb = run("--source-url=ftp://kitahama-times.example/a", PAGES.resolve("24-browser-copy-share-bar.txt").toString());
        assertThat(notWeb.exit()).isEqualTo(1);
        assertThat(notWeb.err()).contains("--source-url must be an http or https address");
        assertThat(run("--batch=0", PAGES.resolve("24-browser-copy-share-bar.txt").toString()).exit()).isEqualTo(1);
    }

    @Test
    void usageErrorsExitWithOne() {
        assertThat(run().exit()).isEqualTo(1);
        assertThat(run("--dry-run", "--publish", PAGES.resolve("01-toto-shimbun-politics.html").toString()).exit()).isEqualTo(1);
        assertThat(run("--fast", PAGES.resolve("01-toto-shimbun-politics.html").toString()).exit()).isEqualTo(1);
        Run missing = run("no-such-file.html");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("Not a readable file: no-such-file.html", ImportCommand.USAGE);
        assertThat(missing.lines()).isEmpty();
    }

    @Test
    void theImportDoorOpensForTheOperatorTokenOnly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI endpoint = URI.create("http://localhost:" + port + "/operator/import?mode=dry-run");
        assertThat(http.send(HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        assertThat(editor.send(HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString("x")).build())
                .statusCode()).isEqualTo(401);
    }
}
