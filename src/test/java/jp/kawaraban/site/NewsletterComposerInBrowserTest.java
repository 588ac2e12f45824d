package jp.kawaraban.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jp.kawaraban.KawarabanTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The newsletter composer in Chromium: an editor picks articles from the latest list and from a
 * search with one click each, moves and removes picks, keeps the line typed for a pick through
 * those clicks, and reads the plain-text preview beside them. Nobody types an article id.
 */
@KawarabanTest
class NewsletterComposerInBrowserTest extends InBrowser {

    @LocalServerPort
    int port;

    @Test
    void anEditorPicksReordersAndRemovesArticlesWithClicks() {
        String base = "http://localhost:" + port;
        try (BrowserContext context = newContext(base)) {
            Page page = context.newPage();
            List<String> problems = Chromium.watchForProblems(page, base);
            logIn(page, "editor@example.com");
            Chromium.assertOk(page.navigate("/editor/newsletters"), "/editor/newsletters");
            page.locator("#issue-subject").fill("クリックで組む号");
            page.locator("form.account-form button.primary").first().click();
            assertThat(page.locator("h1")).hasText("クリックで組む号");
            assertThat(page.locator(".issue-preview")).hasCount(0);

            Locator choices = page.locator(".choices .choice");
            String first = choices.nth(0).getAttribute("data-article-id");
            String second = choices.nth(1).getAttribute("data-article-id");
            choices.nth(0).locator("button[name=add]").click();
            assertThat(page.locator(".notice-info")).hasText("選んだ記事を保存しました。");
            page.locator("#note-0").fill("最初に選んだ記事のひとこと");
            page.locator(".choices .choice").nth(1).locator("button[name=add]").click();
            assertThat(page.locator(".picks .pick.filled")).hasCount(2);
            assertThat(page.locator("#note-0")).hasValue("最初に選んだ記事のひとこと");
            assertThat(page.locator(".choices .choice").nth(0).locator("button[name=add]")).isDisabled();

            // from a search
            page.locator("#main form.site-search input[name=q]").fill("ウィットコフ");
            page.locator("#main form.site-search button").click();
            Locator found = page.locator(".choices .choice").filter(new Locator.FilterOptions()
                    .setHas(page.locator("button[name=add]:not([disabled])"))).first();
            String third = found.getAttribute("data-article-id");
            found.locator("button[name=add]").click();
            assertThat(page.locator(".picks .pick.filled")).hasCount(3);
            assertThat(page.locator("input[name=article]").nth(2)).hasValue(third);

            // the second pick goes up, then the first pick (now second) is taken out
            page.getByLabel("2本目を一つ上へ").click();
            assertThat(page.locator("input[name=article]").nth(0)).hasValue(second);
            assertThat(page.locator("input[name=article]").nth(1)).hasValue(first);
            assertThat(page.locator("#note-1")).hasValue("最初に選んだ記事のひとこと");
            page.getByLabel("2本目を外す").click();
            assertThat(page.locator(".picks .pick.filled")).hasCount(2);
            assertThat(page.locator("input[name=article]").nth(0)).hasValue(second);
            assertThat(page.locator("input[name=article]").nth(1)).hasValue(third);

            String preview = page.locator(".issue-preview").textContent();
            assertThat(preview).contains(page.locator(".pick-headline").nth(0).textContent(),
                    page.locator(".pick-headline").nth(1).textContent());
            assertThat(first).isNotEqualTo(second);
            assertThat(problems).isEmpty();
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/newsletter-composer.png")).setFullPage(true));
        }
    }
}
