package jp.kawaraban.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestMail;
import jp.kawaraban.editorial.internal.importing.TarEntries;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A newspaper's first day in a browser, from an installation nobody has set up: {@code /setup}
 * on the server itself → the administrator logs in and invites an editor → the editor follows
 * the mailed link (GreenMail), sets a password, logs in, imports 20 livedoor corpus files at the
 * desk and publishes each → an anonymous reader sees them on the home page and finds one by
 * search. Runs on the test application without the demo edition (the Stripe one, whose
 * properties this repeats so that Spring's context cache gives the same application); setup
 * cannot be undone, so this is the one test that sets that application up. The corpus is read
 * where it lies and never copied into the repository; without it the test is skipped.
 */
@KawarabanTest
@TestPropertySource(properties = {
        "kawaraban.demo=false",
        "kawaraban.billing.stripe.secret-key=sk_test_kawaraban",
        "kawaraban.billing.stripe.webhook-secret=" + "whsec_test_kawaraban",
        "kawaraban.billing.stripe.monthly-price=price_monthly",
        "kawaraban.billing.stripe.yearly-price=price_yearly"})
class FirstDayInBrowserTest extends InBrowser {

    private static final String ADMIN = "henshu-kyokucho@toto.example";
    private static final String PASSWORD = "first-day-password";
    private static final String EDITOR = "desk-editor@toto.example";
    private static final String EDITOR_PASSWORD = "editor-first-day-password";
    private static final int FILES = 20;

    @LocalServerPort
    int port;

    @Test
    void fromSetupToAPublishedEditionThatReadersFind() throws IOException {
        List<TarEntries.Entry> files = corpusFiles();
        String base = "http://localhost:" + port;

        try (BrowserContext browser = newContext(base)) {
            Page page = browser.newPage();
            Chromium.assertOk(page.navigate("/setup"), "/setup");
            page.locator("#field-name").fill("東都新聞デジタル");
            assertThat(page.locator("#field-baseUrl")).hasValue(base);
            page.locator("#field-adminEmail").fill(ADMIN);
            page.locator("#field-adminPassword").fill(PASSWORD);
            assertThat(page.locator("#field-sections")).hasValue(
                    "world:国際, politics:政治, business:経済, society:社会, sports:スポーツ, technology:テクノロジー, culture:文化");
            page.locator("#field-postalAddress").fill("〒100-0001 東京都千代田区東都1-1 東都新聞社");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("セットアップする")).click();
            assertThat(page.locator("[role=status]")).containsText("セットアップが完了しました");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ログインする")).click();
            Locator login = page.locator("form.account-form");
            login.locator("input[name=email]").fill(ADMIN);
            login.locator("input[name=password]").fill(PASSWORD);
            login.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("ログイン")).click();
            assertThat(page.locator("h1")).hasText("管理");
            assertThat(page.locator("header a.brand")).hasText("東都新聞デジタル");

            // The administrator invites the newsroom's first editor.
            Chromium.assertOk(page.navigate("/admin/staff"), "/admin/staff");
            page.locator("#invite-email").fill(EDITOR);
            page.locator("#invite-name").fill("東都 編集");
            page.locator("#invite-role").selectOption("EDITOR");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("招待メールを送る")).click();
            assertThat(page.locator("[role=status]").first()).containsText("招待メールを送りました");
        }

        try (BrowserContext editor = newContext(base)) {
            // The editor follows the mailed link (GreenMail), sets a password and logs in.
            Page page = editor.newPage();
            String link = TestMail.link(EDITOR, "/invitation");
            Chromium.assertOk(page.navigate(link.substring(link.indexOf("/invitation"))), "/invitation");
            page.locator("#field-password").fill(EDITOR_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("招待を受ける")).click();
            assertThat(page.locator("main")).containsText("招待を受けました");
            Chromium.assertOk(page.navigate("/login"), "/login");
            Locator login = page.locator("form.account-form");
            login.locator("input[name=email]").fill(EDITOR);
            login.locator("input[name=password]").fill(EDITOR_PASSWORD);
            login.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("ログイン")).click();
            assertThat(page.locator(".member-nav a[href='/editor']")).isVisible();

            for (TarEntries.Entry file : files) {
                String name = file.name().substring(file.name().lastIndexOf('/') + 1);
                Chromium.assertOk(page.navigate("/editor/import"), "/editor/import");
                page.locator("#import-file").setInputFiles(new FilePayload(name, "text/plain", file.bytes()));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("読み込んで確認する")).click();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("下書きとして保存")).click();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("今すぐ公開")).click();
                page.locator(".confirm-box button.confirm").click(); // publishing asks once more
                assertThat(page.locator("[role=status]").first()).isVisible();
            }
        }

        try (BrowserContext reader = newContext(base)) {
            Page page = reader.newPage();
            Chromium.assertOk(page.navigate("/"), "/");
            String newest = title(files.getLast());
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(newest)).first()).isVisible();

            String wanted = title(files.getFirst());
            String query = wanted.length() > 12 ? wanted.substring(0, 12) : wanted;
            // Articles are indexed within a second of their publication.
            await().untilAsserted(() -> {
                Chromium.assertOk(page.navigate("/search?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8)), "/search");
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(wanted)).first()).isVisible();
            });
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(wanted)).first().click();
            assertThat(page.locator("h1")).hasText(wanted);
        }
    }

    /** The livedoor files' third line is the title, which the import makes the headline. */
    private static String title(TarEntries.Entry file) {
        return new String(file.bytes(), StandardCharsets.UTF_8).lines().skip(2).findFirst().orElseThrow().strip();
    }

    /** The first 20 article files of the corpus archive, read where it lies. */
    private static List<TarEntries.Entry> corpusFiles() throws IOException {
        Path archive = java.util.stream.Stream.of(System.getProperty("kawaraban.corpus.archive", ""),
                        "../shared/corpora/livedoor-dev.tar.gz", "/work/shared/corpora/livedoor-dev.tar.gz")
                .filter(candidate -> !candidate.isBlank()).map(Path::of).filter(Files::isRegularFile)
                .findFirst().orElse(null);
        Assumptions.assumeTrue(archive != null, "the livedoor corpus is not on this machine");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            return new ArrayList<>(TarEntries.first(in, FILES, name -> name.matches(".*/([a-z-]+)/\\1-\\d+\\.txt")));
        }
    }
}
