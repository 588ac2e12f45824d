package jp.kawaraban.site;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.access.Trials;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paywall's button, follow, save and the newsletter box work with the keyboard alone:
 * each is reached with Tab and used with Enter, on a phone-sized and a desktop window (the
 * log-in before is set-up, not what is tested). Accounts of its own; may run beside others.
 */
@KawarabanTest
@Execution(ExecutionMode.CONCURRENT)
class KeyboardInBrowserTest extends InBrowser {

    private static final String PAID = ArticleId.derivedFrom("demo:riyadh-talks-analysis").value();
    private static final String FREE = ArticleId.derivedFrom("demo:business-rice-prices-stay-high").value();
    /** Enough presses to cross any page of the site from the top. */
    private static final int MAX_TABS = 250;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Trials trials;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"phone, 390, 844", "desktop, 1280, 900"})
    void thePaywallFollowSaveAndNewsletterFormsWorkByKeyboard(String device, int width, int height) {
        String base = "http://localhost:" + port;

        // The paywall: a free member spends the month's article with Tab and Enter.
        String free = "keys-free-" + UUID.randomUUID() + "@example.com";
        accounts.createVerified(free, KawarabanTest.DEMO_PASSWORD, "キー 会員", Set.of());
        try (BrowserContext context = newContext(base, width, height)) {
            Page page = context.newPage();
            List<String> problems = Chromium.watchForProblems(page, base);
            logIn(page, free);
            page.navigate("/articles/" + PAID);
            tabTo(page, "aside.paywall button.use-allowance");
            Chromium.screenshot(page, "keyboard-" + device + "-paywall-focus.png");
            page.keyboard().press("Enter");
            page.waitForURL(base + "/articles/" + PAID);
            assertThat(page.locator("aside.paywall")).hasCount(0);
            assertThat(page.locator(".allowance-note")).isVisible();
            assertEquals(List.of(), problems);
        }

        // Follow and save: a member in a trial.
        Member reader = accounts.createVerified("keys-paid-" + UUID.randomUUID() + "@example.com", KawarabanTest.DEMO_PASSWORD,
                "キー 体験", Set.of());
        assertEquals(Trials.Outcome.STARTED, trials.start(reader.id(), trials.openCampaigns().getFirst().code()));
        try (BrowserContext context = newContext(base, width, height)) {
            Page page = context.newPage();
            List<String> problems = Chromium.watchForProblems(page, base);
            logIn(page, reader.email());
            page.navigate("/articles/" + PAID);
            tabTo(page, "form.save-form button.save-button[aria-pressed=false]");
            page.keyboard().press("Enter");
            assertThat(page.locator("form.save-form button.save-button").first()).hasAttribute("aria-pressed", "true");

            page.navigate("/entities/vladimir-putin");
            tabTo(page, "form.follow-form button[aria-pressed=false]");
            page.keyboard().press("Enter");
            assertThat(page.locator("form.follow-form button").first()).hasAttribute("aria-pressed", "true");
            Chromium.screenshot(page, "keyboard-" + device + "-followed.png");
            assertEquals(List.of(), problems);
        }

        // The newsletter box: opened, filled and sent from the keyboard.
        try (BrowserContext context = newContext(base, width, height)) {
            Page page = context.newPage();
            List<String> problems = Chromium.watchForProblems(page, base);
            page.navigate("/articles/" + FREE);
            tabTo(page, ".newsletter-box a.button");
            page.keyboard().press("Enter");
            assertThat(page.locator(".newsletter-box form.newsletter-form")).isVisible();
            tabTo(page, ".newsletter-box input[type=email]");
            page.keyboard().type("keys-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net");
            page.keyboard().press("Enter");
            assertThat(page.locator(".newsletter-box .notice.notice-info")).isVisible();
            Chromium.screenshot(page, "keyboard-" + device + "-newsletter.png");
            assertEquals(List.of(), problems);
        }
    }

    /** Presses Tab until the element with focus matches {@code selector}; fails if it never does. */
    private static void tabTo(Page page, String selector) {
        for (int i = 0; i < MAX_TABS; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)) {
                return;
            }
        }
        assertTrue(false, "Tab never reached " + selector + " on " + page.url());
    }
}
