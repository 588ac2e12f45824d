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
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * What every browser test class shares: one Chromium for the whole test run (each test opens
 * its own profile in it, so nothing carries over), closed when the run ends, and helpers to
 * open a profile and log a demo account in. Without Chromium the class is skipped with a
 * notice, or fails where browser tests are required (CI). Playwright wants one thread at a
 * time: browser test classes hold the lock {@value #CHROMIUM} while they run (most run one
 * after the other on one thread anyway, as {@link KawarabanTest} classes).
 */
@ExtendWith(InBrowser.OneChromium.class)
@ResourceLock(InBrowser.CHROMIUM)
abstract class InBrowser {

    static final String CHROMIUM = "chromium";

    static Browser browser;

    /**
     * Runs before the application starts, so a missing browser skips without starting it.
     * Starting Playwright's driver and Chromium takes a second or two; once per run is enough.
     */
    static final class OneChromium implements BeforeAllCallback {

        private record Running(Playwright playwright, Browser browser) implements AutoCloseable {
            @Override
            public void close() {
                playwright.close(); // closes the browser too
            }
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            Path executable = Chromium.require();
            Running running = context.getRoot().getStore(ExtensionContext.Namespace.create(OneChromium.class))
                    .computeIfAbsent(Running.class, key -> {
                        Playwright playwright = Chromium.playwright();
                        return new Running(playwright, Chromium.launch(playwright, executable));
                    }, Running.class);
            browser = running.browser();
        }
    }

    /** A fresh browser profile on the test server, in Japanese, at a desktop size. */
    static BrowserContext newContext(String base) {
        return browser.newContext(new Browser.NewContextOptions().setBaseURL(base).setLocale("ja-JP")
                .setViewportSize(1280, 900));
    }

    /** A fresh browser profile on the test server, in Japanese, at this size (a phone is 390×844). */
    static BrowserContext newContext(String base, int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setBaseURL(base).setLocale("ja-JP")
                .setViewportSize(width, height));
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
