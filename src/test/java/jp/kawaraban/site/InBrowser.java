package jp.kawaraban.site;

import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import jp.kawaraban.KawarabanTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every browser test class shares: one Chromium for the class, closed after it, and
 * helpers to open a profile and log a demo account in. Without
 * Chromium the class is skipped with a notice, or fails where browser tests are required (CI).
 */
abstract class InBrowser {

    static Playwright playwright;
    static Browser browser;

    /** Runs before the application starts, so a missing browser skips without starting it. */
    @BeforeAll
    static void launchBrowser() {
        Path executable = Chromium.require();
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright, executable);
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close(); // closes the browser too
            playwright = null;
        }
    }

    /** A fresh browser profile on the test server, in Japanese, at a desktop size. */
    static BrowserContext newContext(String base) {
        return browser.newContext(new Browser.NewContextOptions().setBaseURL(base).setLocale("ja-JP")
                .setViewportSize(1280, 900));
    }

    /** Logs a demo account in through the log-in form. */
    static void logIn(Page page, String email) {
        Chromium.assertOk(page.navigate("/login"), "/login");
        Locator login = page.locator("form.account-form");
        login.locator("input[name=email]").fill(email);
        login.locator("input[name=password]").fill(KawarabanTest.DEMO_PASSWORD);
        login.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("ログイン")).click();
        PlaywrightAssertions.assertThat(page.locator("header.masthead a.account-link")).isVisible();
    }
}
