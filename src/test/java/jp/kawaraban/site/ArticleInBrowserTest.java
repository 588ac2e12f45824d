package jp.kawaraban.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import jp.kawaraban.KawarabanTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An article page in a real (headless) Chromium: the share bars, copying the link and the
 * print view. Skipped when Chromium is not installed (see {@link Chromium}). Leaves
 * screenshots in {@code target/screenshots/}. With {@code -Dkawaraban.readme-screenshot=true} it
 * also refreshes {@code docs/images/article-page.png} for the README (off by default, so a test
 * run never changes a tracked file).
 * It only reads demo articles as an anonymous reader, so it may run beside the other
 * application tests ({@code junit-platform.properties}).
 */
@KawarabanTest
@Execution(ExecutionMode.CONCURRENT)
class ArticleInBrowserTest extends InBrowser {

    private static final Path README_IMAGE = Paths.get("docs", "images", "article-page.png");
    private static final List<String> SHARE_CLASSES = List.of("print", "mail", "copy",
            "note", "x", "facebook", "hatena", "linkedin", "bluesky");
    private static final List<String> EXTERNAL = List.of("note", "x", "facebook", "hatena", "linkedin", "bluesky");

    @LocalServerPort
    int port;

    @Test
    void articlePageSharesCopiesAndPrints() {
        String base = "http://localhost:" + port;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(base).setLocale("ja-JP").setViewportSize(1280, 900))) {
            context.grantPermissions(List.of("clipboard-read", "clipboard-write"),
                    new BrowserContext.GrantPermissionsOptions().setOrigin(base));
            Page page = context.newPage();
            List<String> problems = Chromium.watchForProblems(page, base);

            Chromium.assertOk(page.navigate("/"), "/");
            String id = riyadhArticleId(page);
            String articlePath = "/articles/" + id;

            Chromium.assertOk(page.navigate(articlePath), articlePath);
            Locator headline = page.locator("h1.headline");
            assertThat(headline).isVisible();
            assertThat(headline).containsText("リヤド");
            String headlineText = headline.innerText().strip();
            Chromium.screenshot(page, "article.png");
            copyForReadme();

            String canonical = page.locator("link[rel=canonical]").getAttribute("href");
            assertNotNull(canonical, "article page has a canonical link");
            assertTrue(canonical.endsWith(articlePath), "canonical " + canonical + " ends with " + articlePath);

            Locator bars = page.locator("nav.share-bar");
            assertThat(bars).hasCount(2);
            for (int i = 0; i < 2; i++) {
                assertShareBar(bars.nth(i));
            }

            // Copy: stays on the page, says so, and the clipboard holds the canonical address.
            Locator top = bars.first();
            String before = page.url();
            top.locator("a.share-copy").click();
            assertThat(top.locator(".share-status")).hasText("リンクをコピーしました");
            assertThat(bars.last().locator(".share-status")).isEmpty();
            assertEquals(before, page.url(), "copying the link does not navigate");
            Object clipboard = page.evaluate("() => navigator.clipboard.readText()");
            assertEquals(canonical, clipboard, "clipboard holds the canonical URL");

            // Print: its own page without the site's chrome or share bars.
            Response print = page.waitForResponse(response -> response.url().equals(base + articlePath + "/print"),
                    () -> top.locator("a.share-print").click());
            assertEquals(200, print.status(), "status of the print view");
            page.waitForLoadState();
            assertThat(page).hasURL(base + articlePath + "/print");
            assertThat(page.locator("body")).hasClass(Pattern.compile("(^|\\s)print-view(\\s|$)"));
            assertThat(page.locator("h1.headline")).isVisible();
            assertThat(page.locator("h1.headline")).hasText(headlineText);
            assertThat(page.locator("nav.share-bar")).hasCount(0);

            assertEquals(List.of(), problems, "no script errors or failed requests");
        }
    }

    @Test
    void articlePageOnAPhone() {
        String base = "http://localhost:" + port;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(base).setLocale("ja-JP").setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true))) {
            Page page = context.newPage();
            List<String> problems = Chromium.watchForProblems(page, base);
            Chromium.assertOk(page.navigate("/"), "/");
            String articlePath = "/articles/" + riyadhArticleId(page);
            Chromium.assertOk(page.navigate(articlePath), articlePath);
            assertThat(page.locator("h1.headline")).isVisible();
            assertThat(page.locator("nav.share-bar").first().locator("a.share-copy")).isVisible();
            Chromium.screenshot(page, "article-phone.png");
            assertEquals(List.of(), problems, "no script errors or failed requests");
        }
    }

    /** The id of the demo article about the Riyadh talks, from the JSON API. */
    private static String riyadhArticleId(Page page) {
        Object id = page.evaluate("""
                async () => {
                  const response = await fetch('/api/v1/articles?size=100');
                  if (!response.ok) return 'HTTP ' + response.status;
                  const body = await response.json();
                  const article = body.articles.find(a => a.headline.includes('リヤド'));
                  return article ? article.id : null;
                }""");
        assertInstanceOf(String.class, id, "a demo article whose headline mentions リヤド");
        assertTrue(((String) id).matches("[A-Za-z0-9_-]+"), "article id looks like an id: " + id);
        return (String) id;
    }

    private static void assertShareBar(Locator bar) {
        for (String service : SHARE_CLASSES) {
            assertThat(bar.locator("a.share-" + service)).hasCount(1);
        }
        assertThat(bar.locator("a.share-mail")).hasAttribute("href", Pattern.compile("^mailto:"));
        assertThat(bar.locator("a.share-print")).hasAttribute("href", Pattern.compile("/print$"));
        for (String service : EXTERNAL) {
            Locator link = bar.locator("a.share-" + service);
            assertThat(link).hasAttribute("href", Pattern.compile("^https://"));
            assertThat(link).hasAttribute("target", "_blank");
            assertThat(link).hasAttribute("rel", Pattern.compile("(^|\\s)noopener(\\s|$)"));
        }
    }

    private static void copyForReadme() {
        if (!Boolean.getBoolean("kawaraban.readme-screenshot")) {
            return;
        }
        try {
            Files.createDirectories(README_IMAGE.getParent());
            Files.copy(Chromium.SCREENSHOTS.resolve("article.png"), README_IMAGE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
