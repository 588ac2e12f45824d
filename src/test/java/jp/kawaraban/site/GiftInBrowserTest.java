package jp.kawaraban.site;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.access.GiftArticlesTest;
import jp.kawaraban.access.Trials;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gift articles (decision 0034) in a real Chromium, on a phone and a desktop: a paid member makes
 * a gift on the article page, the link opens the article in full in a fresh browser that has
 * never logged in, the giver revokes it on /my/gifts, and the same link then shows the paywall
 * with the reason. Screenshots in {@code target/screenshots/gift-*}. Skipped without Chromium.
 */
@KawarabanTest
class GiftInBrowserTest extends InBrowser {

    private static final String PAID = ArticleId.derivedFrom("demo:riyadh-talks-analysis").value();

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Trials trials;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"phone, 390, 844", "desktop, 1280, 900"})
    void aGiftIsMadeOpenedByAStrangerAndRevoked(String device, int width, int height) {
        String base = "http://localhost:" + port;
        Member giver = GiftArticlesTest.trialMember(accounts, trials);
        try (BrowserContext member = newContext(base, width, height);
             BrowserContext stranger = newContext(base, width, height)) {
            Page page = member.newPage();
            List<String> problems = Chromium.watchForProblems(page, base);
            logIn(page, giver.email());
            Chromium.assertOk(page.navigate("/articles/" + PAID), "the paid article");
            Locator give = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("この記事をプレゼント"));
            assertThat(give).isVisible();
            assertThat(page.locator(".gift-offer .gifts-left")).hasText("今月あと10本");
            var box = give.boundingBox();
            assertTrue(box.x >= 0 && box.x + box.width <= width, "the button is on the screen: " + box.x + "+" + box.width);
            Chromium.screenshot(page, "gift-" + device + "-1-article-offer.png");

            give.click();
            assertThat(page.locator(".gift-made h2")).hasText("プレゼント用のリンクを作りました");
            String link = page.locator("#gift-url").inputValue();
            assertTrue(link.contains("/articles/" + PAID + "?gift="), link);
            assertThat(page.locator(".gifts-left")).containsText("今月あと9本");
            Chromium.screenshot(page, "gift-" + device + "-2-made.png");

            Page reader = stranger.newPage();
            Chromium.assertOk(reader.navigate(link.replaceFirst("^https?://[^/]+", "")), "the gift link");
            assertThat(reader.locator("aside.paywall")).hasCount(0);
            assertThat(reader.locator(".gift-note.gift-open")).containsText("全文をお読みいただけます");
            assertThat(reader.locator(".gift-note a", new Page.LocatorOptions().setHasText("無料で会員登録"))).isVisible();
            Chromium.screenshot(reader, "gift-" + device + "-3-opened.png");
            reader.locator(".gift-note").scrollIntoViewIfNeeded();
            Chromium.screenshot(reader, "gift-" + device + "-4-opened-note.png");

            Chromium.assertOk(page.navigate("/my/gifts"), "/my/gifts");
            Locator row = page.locator(".gift[data-article-id='" + PAID + "']").first();
            assertThat(row.locator(".gift-opens")).hasText("開かれた回数 1回");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("取り消す")).click();
            assertThat(page.locator(".notice")).containsText("プレゼントを取り消しました");
            assertThat(page.locator(".gift[data-article-id='" + PAID + "'] .gift-state").first()).hasText("取り消し済み");
            Chromium.screenshot(page, "gift-" + device + "-5-revoked.png");

            reader.reload();
            assertThat(reader.locator("aside.paywall")).isVisible();
            assertThat(reader.locator(".gift-note.gift-refused")).containsText("取り消した");
            reader.locator(".gift-note").scrollIntoViewIfNeeded();
            Chromium.screenshot(reader, "gift-" + device + "-6-paywall.png");
            assertEquals(List.of(), problems);
        }
    }
}
