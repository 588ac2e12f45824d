package jp.kawaraban.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's Chromium for browser tests. Playwright never downloads a browser here: it
 * drives {@code /usr/bin/chromium} (Debian's package), or the one {@code CHROMIUM_PATH}
 * names. Without it the browser tests are skipped, unless the system property
 * {@code kawaraban.browser-tests.required} is {@code "true"} (as {@code .ci/run} sets it),
 * in which case they fail.
 */
final class Chromium {

    static final String DEFAULT_PATH = "/usr/bin/chromium";
    static final String REQUIRED_PROPERTY = "kawaraban.browser-tests.required";
    static final String SKIP_NOTICE =
            "Chromium not installed: browser tests skipped (install chromium, or run .ci/run)";

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync");

    private Chromium() {
    }

    /** Where Chromium should be: {@code CHROMIUM_PATH} when set, else {@code /usr/bin/chromium}. */
    static Path expectedPath() {
        String fromEnv = System.getenv("CHROMIUM_PATH");
        return Paths.get(fromEnv == null || fromEnv.isBlank() ? DEFAULT_PATH : fromEnv);
    }

    /**
     * The Chromium executable; skips the calling test (JUnit assumption) when there is none,
     * or fails it when browser tests are required.
     */
    static Path require() {
        Path path = expectedPath();
        if (Files.isRegularFile(path) && Files.isExecutable(path)) {
            return path;
        }
        if (Boolean.parseBoolean(System.getProperty(REQUIRED_PROPERTY))) {
            Assertions.fail("Chromium not found at " + path + " but browser tests are required ("
                    + REQUIRED_PROPERTY + "=true): install chromium (apt-get install -y chromium)"
                    + " or set CHROMIUM_PATH to its executable");
        }
        System.err.println("NOTICE: " + SKIP_NOTICE + " [looked for " + path + "]");
        Assumptions.abort(SKIP_NOTICE);
        throw new AssertionError("unreachable");
    }

    /** Playwright that never downloads browsers of its own. */
    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** Headless Chromium from {@code executable} (see {@link #require()}). */
    static Browser launch(Playwright playwright, Path executable) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(ARGS));
    }

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    /** Script errors, and this site's requests that fail or answer with an error status. */
    static List<String> watchForProblems(Page page, String base) {
        List<String> problems = new ArrayList<>();
        page.onPageError(error -> problems.add("script error: " + error));
        page.onRequestFailed(request -> {
            if (request.url().startsWith(base)) {
                problems.add("request failed: " + request.url() + " " + request.failure());
            }
        });
        page.onResponse(response -> {
            if (response.url().startsWith(base) && response.status() >= 400) {
                problems.add("HTTP " + response.status() + ": " + response.url());
            }
        });
        return problems;
    }

    static void assertOk(Response response, String what) {
        Assertions.assertNotNull(response, "a response for " + what);
        Assertions.assertEquals(200, response.status(), "status of " + what);
    }

    /** A screenshot of the visible part of the page, in {@code target/screenshots/}. */
    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(false));
    }
}
