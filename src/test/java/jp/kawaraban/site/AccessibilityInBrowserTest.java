package jp.kawaraban.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.member.Accounts;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * axe-core finds no accessibility violation on any kind of page — the reader's (home,
 * articles free and behind the paywall, listings, search, an entity, plans, the standing
 * pages, the forms), a member's (My News, saved articles and figures, follows, account, the
 * paywall with the month's free article) and an editor's (the desk's list, the editor, the
 * newsletter composer) — on a phone (390×844) and a desktop. axe runs inside the page from
 * the {@code axe.min.js} on the test classpath (Maven artifact, see the pom), never
 * downloaded. Each violation is named with its rule, impact, page and the elements concerned;
 * the whole list is also written to {@code target/axe-<device>.txt}.
 */
@KawarabanTest
@Execution(ExecutionMode.CONCURRENT)
class AccessibilityInBrowserTest extends InBrowser {

    /** WCAG 2.0–2.2, levels A and AA, and axe's best practices. */
    private static final String RUN = """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'],
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
              return result.violations.map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — '
                + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | '));
            }""";

    private static final String FREE = id("business-rice-prices-stay-high");
    private static final String PAID = id("riyadh-talks-analysis");

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"phone, 390, 844", "desktop, 1280, 900"})
    void noPageKindHasAnAccessibilityViolation(String device, int width, int height) throws IOException {
        String base = "http://localhost:" + port;
        String axe = axeSource();
        Map<String, List<String>> violations = new LinkedHashMap<>();

        // The reader's pages, not logged in.
        try (BrowserContext context = context(base, width, height)) {
            Page page = context.newPage();
            for (String path : List.of("/", "/articles/" + FREE, "/articles/" + PAID, "/sections/world",
                    "/series/ukraine-talks", "/search?q=" + encode("停戦"), "/entities/vladimir-putin", "/plans",
                    "/about/terms", "/newsletters", "/login", "/signup", "/no-such-page")) {
                check(page, axe, path, "anonymous", violations);
            }
        }
        // A free member: the paywall with the month's paid article to spend.
        String free = "axe-" + UUID.randomUUID() + "@example.com";
        accounts.createVerified(free, KawarabanTest.DEMO_PASSWORD, "確認 会員", Set.of());
        try (BrowserContext context = context(base, width, height)) {
            Page page = context.newPage();
            logIn(page, free);
            check(page, axe, "/articles/" + PAID, "free member", violations);
            check(page, axe, "/my/account", "free member", violations);
        }
        // A paid member: follow and save on the article, and their own pages.
        try (BrowserContext context = context(base, width, height)) {
            Page page = context.newPage();
            logIn(page, "paid@example.com");
            for (String path : List.of("/articles/" + PAID, "/my/news", "/my/saved", "/my/figures", "/my/follows",
                    "/my/account", "/plans")) {
                check(page, axe, path, "paid member", violations);
            }
        }
        // An editor: the desk's list, the editor, the newsletter desk and an issue's composer.
        try (BrowserContext context = context(base, width, height)) {
            Page page = context.newPage();
            logIn(page, "editor@example.com");
            for (String path : List.of("/editor/articles", "/editor/articles/" + PAID, "/editor/newsletters")) {
                check(page, axe, path, "editor", violations);
            }
            page.locator("#issue-subject").fill("アクセシビリティ確認の号 " + device);
            page.locator("form.account-form button.primary").first().click();
            page.waitForURL("**/editor/newsletters/issues/**");
            check(page, axe, page.url().substring(base.length()), "editor", violations);
        }

        List<String> report = new ArrayList<>();
        violations.forEach((where, found) -> found.forEach(violation -> report.add(where + " → " + violation)));
        Files.createDirectories(Chromium.SCREENSHOTS.getParent());
        Files.write(Chromium.SCREENSHOTS.getParent().resolve("axe-" + device + ".txt"),
                report.isEmpty() ? List.of("no violations") : report, StandardCharsets.UTF_8);
        assertEquals(List.of(), report, "axe-core violations on " + device);
    }

    private static BrowserContext context(String base, int width, int height) {
        // The site's Content-Security-Policy allows no inline script; axe is the test's, not the page's.
        return browser.newContext(new Browser.NewContextOptions().setBaseURL(base).setLocale("ja-JP")
                .setViewportSize(width, height).setBypassCSP(true));
    }

    @SuppressWarnings("unchecked")
    private static void check(Page page, String axe, String path, String who, Map<String, List<String>> violations) {
        if (!page.url().endsWith(path)) {
            page.navigate(path);
        }
        page.evaluate(axe);
        List<String> found = (List<String>) page.evaluate(RUN);
        if (!found.isEmpty()) {
            violations.put(path + " (" + who + ")", found);
        }
    }

    private static String axeSource() throws IOException {
        try (InputStream in = AccessibilityInBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:playwright)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String id(String slug) {
        return ArticleId.derivedFrom("demo:" + slug).value();
    }
}
