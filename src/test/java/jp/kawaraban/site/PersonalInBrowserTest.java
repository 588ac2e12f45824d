package jp.kawaraban.site;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A paid member in a real (headless) Chromium follows an entity on its page (htmx swaps the
 * button), finds a new article that spells the name another way in My News, and saves a
 * figure that then shows in {@code /my/figures}. Skipped when Chromium is not installed.
 */
@KawarabanTest
class PersonalInBrowserTest extends InBrowser {

    private static final String RICE = ArticleId.derivedFrom("demo:business-rice-prices-stay-high").value();

    @LocalServerPort
    int port;
    @Autowired
    ArticleDesk desk;

    @Test
    void aPaidMemberFollowsAnEntityFindsAVariantSpellingInMyNewsAndSavesAFigure() {
        String base = "http://localhost:" + port;
        ArticleId published = null;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(base).setLocale("ja-JP").setViewportSize(1280, 900))) {
            Page page = context.newPage();
            List<String> problems = Chromium.watchForProblems(page, base);
            Chromium.assertOk(page.navigate("/login"), "/login");
            Locator login = page.locator("form.account-form");
            login.locator("input[name=email]").fill("paid@example.com");
            login.locator("input[name=password]").fill(DEMO_PASSWORD);
            login.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("ログイン")).click();
            assertThat(page.locator("header.masthead a.my-news-link")).isVisible();

            // 1. Follow ラブロフ on the entity page: htmx swaps the button in place.
            Chromium.assertOk(page.navigate("/entities/sergey-lavrov"), "/entities/sergey-lavrov");
            Locator button = page.locator("form.follow-form button");
            assertThat(button).hasText("＋ ラブロフ をフォロー");
            button.click();
            assertThat(page.locator("form.follow-form button")).hasText("フォロー中：ラブロフ（解除）");
            assertEquals(base + "/entities/sergey-lavrov", page.url(), "stayed on the page");

            // 2. A new article spells the name ラヴロフ; it appears in My News, unread, with the reason.
            String marker = "ブラウザ検証" + UUID.randomUUID().toString().substring(0, 6);
            published = desk.publish(new ArticleContent("ラヴロフ外相が会見 " + marker, null,
                    "ロシアのラヴロフ外相が記者会見を開いた。", new Body(List.of(new Block.Paragraph("ロシアのラヴロフ外相が記者会見を開いた。"))),
                    List.of("テスト 記者"), "world", null, List.of(), AccessLevel.FREE, null, false, List.of()));
            Locator item = page.locator("li.news-item[data-article-id='" + published.value() + "']");
            // Tagged in the background after the commit; Playwright is asked from this thread only.
            await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> {
                Chromium.assertOk(page.navigate("/my/news"), "/my/news");
                return item.count() > 0;
            });
            assertThat(item.locator(".summary-headline")).containsText(marker);
            assertThat(item.locator(".news-reason")).containsText(new String[] {"フォロー中: ラブロフ"});
            assertThat(item.locator(".unread-mark")).hasText("未読");
            Chromium.screenshot(page, "personal-my-news.png");

            // 3. Save a figure on an article page, then find it in /my/figures.
            Chromium.assertOk(page.navigate("/articles/" + RICE), "/articles/" + RICE);
            Locator save = page.locator("figure form.save-form button");
            assertThat(save).hasText("図を保存");
            save.click();
            assertThat(page.locator("figure form.save-form button")).hasText("図を保存済み（解除）");
            Chromium.assertOk(page.navigate("/my/figures"), "/my/figures");
            assertThat(page.locator("li.saved-figure[data-image-id='demo-rice-price-2025.svg'] .caption")).containsText("コメ平均価格");
            Chromium.screenshot(page, "personal-my-figures.png");

            // Leave the demo member as it was.
            page.locator("li.saved-figure[data-image-id='demo-rice-price-2025.svg'] button.unsave-button").click();
            Chromium.assertOk(page.navigate("/entities/sergey-lavrov"), "/entities/sergey-lavrov");
            page.locator("form.follow-form button").click();
            assertThat(page.locator("form.follow-form button")).hasText("＋ ラブロフ をフォロー");
            assertEquals(List.of(), problems, "console errors and failed requests");
        } finally {
            if (published != null) {
                desk.withdraw(published);
            }
        }
    }
}
