package jp.kawaraban.editorial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleDesk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Storing imported pages: drafts readers do not see, published imports they do, dry runs, duplicates, refusals. */
@KawarabanTest
class PartnerPagesImportTest {

    static final Path PAGES = Path.of("src/test/resources/import/pages");
    static final AuditLog.Actor EDITOR = new AuditLog.Actor("test-editor", "試験 編集者");

    @LocalServerPort
    int port;
    @Autowired
    PartnerPages imports;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    ArticleDesk desk;
    @Autowired
    AuditLog audit;

    private static byte[] page(String name) throws IOException {
        return Files.readAllBytes(PAGES.resolve(name));
    }

    @Test
    void aDraftIsStoredWithItsAuditRecordAndReadersDoNotSeeIt() throws IOException {
        ImportOutcome outcome = imports.importPage("03-minato-times-world.html", page("03-minato-times-world.html"),
                ImportMode.DRAFT, EDITOR);

        assertThat(outcome.stored()).isNotNull();
        assertThat(outcome.duplicateOf()).isNull();
        var edited = desk.forEditing(outcome.stored()).orElseThrow();
        assertThat(edited.content().headline()).isEqualTo("米ロ高官がリヤドで協議　ウクライナ抜きに懸念も");
        assertThat(edited.content().source().name()).isEqualTo("みなとタイムズ");
        assertThat(edited.content().source().originalUrl()).hasToString("https://minato-times.example/world/20250219/riyadh-talks");
        assertThat(edited.content().bylines()).containsExactly("山田太郎");
        assertThat(edited.content().sectionCode()).isEqualTo("world");
        assertThat(edited.content().accessLevel()).isEqualTo(AccessLevel.FREE);
        assertThat(audit.recent("article:" + outcome.stored(), 10, 0)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("article.import");
            assertThat(entry.actorName()).isEqualTo("試験 編集者");
            assertThat(entry.detail()).contains("みなとタイムズ", "03-minato-times-world.html");
        });
        assertThat(catalog.find(outcome.stored().value())).isEmpty();
        assertThat(new WebSession(port).get("/articles/" + outcome.stored()).statusCode()).isEqualTo(404);
    }

    @Test
    void aPublishedImportIsReadWithThePagesOwnDate() throws IOException {
        ImportOutcome outcome = imports.importPage("13-saved-page-world.txt", page("13-saved-page-world.txt"),
                ImportMode.PUBLISH, AuditLog.Actor.OPERATOR);

        var article = catalog.find(outcome.stored().value()).orElseThrow();
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-04-26T00:10:00Z"));
        var reading = new WebSession(port).get("/articles/" + outcome.stored());
        assertThat(reading.statusCode()).isEqualTo(200);
        // as a reader reads it: entity names in the body are links, which split the HTML
        assertThat(org.jsoup.Jsoup.parse(reading.body()).text()).contains("プーチン氏とウィトコフ特使が会談", "ウシャコフ氏によると", "みなとタイムズ")
                .doesNotContain("クリミア承認を含むと報道");
    }

    @Test
    void aDryRunStoresNothing() throws IOException {
        ImportOutcome outcome = imports.importPage("22-saved-page-no-date.txt", page("22-saved-page-no-date.txt"),
                ImportMode.DRY_RUN, EDITOR);

        assertThat(outcome.stored()).isNull();
        assertThat(outcome.page().headline()).isEqualTo("図書館で「朗読会」、高校生が絵本を読み聞かせ");
        assertThat(desk.findBySourceKey(outcome.page().sourceKey())).isEmpty();
    }

    @Test
    void importingThePageAgainSaysSoInsteadOfStoringADuplicate() throws IOException {
        ImportOutcome first = imports.importPage("16-blog-style-br.html", page("16-blog-style-br.html"), ImportMode.DRAFT, EDITOR);
        ImportOutcome again = imports.importPage("copy-of-16.html", page("16-blog-style-br.html"), ImportMode.PUBLISH, EDITOR);

        assertThat(again.stored()).isNull();
        assertThat(again.duplicateOf()).isEqualTo(first.stored());
        assertThat(catalog.find(first.stored().value())).isEmpty(); // still a draft: the second import published nothing
        ImportReport report = imports.report("copy-of-16.html", page("16-blog-style-br.html"), ImportMode.DRAFT, EDITOR);
        assertThat(report.fields()).containsEntry("duplicateOf", first.stored().value()).doesNotContainKey("id");
        assertThat(report.fields().get("warnings").toString()).contains("すでに取り込まれています");
    }

    @Test
    void aFileThatIsNoArticleStoresNothingAndSaysWhyInBothLanguages() {
        int before = audit.recent(null, 1000, 0).size();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

        assertThatThrownBy(() -> imports.importPage("photo.png", png, ImportMode.DRAFT, EDITOR))
                .isInstanceOf(ImportException.class);
        ImportReport report = imports.report("photo.png", png, ImportMode.DRAFT, EDITOR);
        assertThat(report.imported()).isFalse();
        assertThat((String) report.fields().get("error")).contains("記事のページ（HTMLまたはテキスト）ではありません", "Binary data");
        assertThat(audit.recent(null, 1000, 0)).hasSize(before);
    }

    @Test
    void aHugeFileIsRefusedWithTheLimitInTheMessage() {
        byte[] huge = ("<html><body><p>" + "あ".repeat(2_000_000) + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        ImportReport report = imports.report("huge.html", huge, ImportMode.DRAFT, EDITOR);
        assertThat((String) report.fields().get("error")).contains("ファイルが大きすぎます（上限は5 MB）");
    }
}
