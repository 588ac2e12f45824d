package jp.kawaraban.site;

import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every browser test class shares: one Chromium for the class, closed after it. Without
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
}
