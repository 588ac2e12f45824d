package jp.kawaraban.site;

import java.net.URI;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestMail;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A reader's way from the paywall to the full text in a real (headless) Chromium: meets the
 * paywall of a paid article, signs up, confirms the address with the link from the mail
 * (GreenMail), logs in, starts the demo campaign's free trial, reads the whole article, and
 * after logging out meets the paywall again. Skipped when Chromium is not installed (see
 * {@link Chromium}). Leaves screenshots in {@code target/screenshots/}.
 * It uses only an account of its own, so it may run beside the other application tests
 * ({@code junit-platform.properties}).
 */
@KawarabanTest
@Execution(ExecutionMode.CONCURRENT)
class MembershipInBrowserTest extends InBrowser {

    private static final String PAID_ARTICLE = ArticleId.derivedFrom("demo:riyadh-talks-analysis").value();
    private static final String CAMPAIGN = "はじめての方へ 30日間無料体験";

    @LocalServerPort
    int port;

    @Autowired
    ArticleCatalog catalog;

    @Test
    void aReaderSignsUpStartsATrialAndReadsThePaidArticle() {
        String base = "http://localhost:" + port;
        String articlePath = "/articles/" + PAID_ARTICLE;
        String lastParagraph = lastParagraph();
        String email = "reader-" + UUID.randomUUID() + "@example.com";
        String password = "correct-horse-" + UUID.randomUUID().toString().substring(0, 8);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(base).setLocale("ja-JP").setViewportSize(1280, 900))) {
            Page page = context.newPage();
            List<String> problems = Chromium.watchForProblems(page, base);

            // 1. Anonymous: the paywall, and not the end of the article.
            Chromium.assertOk(page.navigate(articlePath), articlePath);
            assertPaywalled(page, lastParagraph);
            page.locator("aside.paywall").scrollIntoViewIfNeeded();
            Chromium.screenshot(page, "membership-paywall.png");

            // 2. Sign up from the header.
            page.locator("header.masthead a.signup-link").click();
            assertThat(page).hasURL(base + "/signup");
            Locator form = page.locator("form.account-form");
            form.locator("input[name=name]").fill("ブラウザ 読者");
            form.locator("input[name=email]").fill(email);
            form.locator("input[name=password]").fill(password);
            Chromium.assertOk(post(page, base + "/signup", () -> form.locator("button[type=submit]").click()), "POST /signup");
            assertThat(page.locator("p.notice.notice-info")).containsText("確認メールを " + email + " にお送りしました");

            // 3. The link in the mail opens a page whose button confirms the address.
            URI link = URI.create(verificationLink(email));
            String verifyPath = link.getRawPath() + "?" + link.getRawQuery();
            assertEquals("/signup/verify", link.getRawPath(), "path of the link in " + link);
            Chromium.assertOk(page.navigate(base + verifyPath), verifyPath);
            Chromium.assertOk(post(page, base + "/signup/verify", () -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("確認を完了する")).click()), "POST /signup/verify");
            assertThat(page.locator("p.notice.notice-info")).containsText("メールアドレスを確認しました");

            // 4. Log in.
            Chromium.assertOk(page.navigate("/login"), "/login");
            Locator login = page.locator("form.account-form");
            login.locator("input[name=email]").fill(email);
            login.locator("input[name=password]").fill(password);
            Response loggedIn = post(page, base + "/login", () -> login.getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("ログイン")).click());
            assertEquals(302, loggedIn.status(), "status of POST /login");
            String landing = loggedIn.headerValue("location");
            assertFalse(landing == null || landing.contains("/login"), "log-in succeeded, went on to " + landing);
            assertThat(page.locator("header.masthead a.account-link")).isVisible();
            assertThat(page.locator("header.masthead a.account-link")).hasText("マイページ");
            assertThat(page.locator("header.masthead a.signup-link")).hasCount(0);

            // 5. Start the demo campaign's free trial.
            Chromium.assertOk(page.navigate("/plans"), "/plans");
            Locator campaign = page.locator("div.campaign").filter(new Locator.FilterOptions()
                    .setHas(page.locator("h2", new Page.LocatorOptions().setHasText(CAMPAIGN))));
            assertThat(campaign).hasCount(1);
            Chromium.assertOk(post(page, base + "/plans/trial", () -> campaign.getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("無料体験を始める")).click()), "POST /plans/trial");
            assertThat(page.locator("p.notice.notice-info")).containsText("無料体験を始めました");

            Chromium.assertOk(page.navigate("/my/account"), "/my/account");
            assertThat(page.locator(".plan-status .state[data-state=TRIALING]")).isVisible();

            // 6. In the trial: the whole article, no paywall.
            Chromium.assertOk(page.navigate(articlePath), articlePath);
            assertThat(page.locator("h1.headline")).isVisible();
            assertThat(page.locator("aside.paywall")).hasCount(0);
            Locator end = page.locator("div.article-body p").getByText(lastParagraph, new Locator.GetByTextOptions().setExact(true));
            assertThat(end).isVisible();
            end.scrollIntoViewIfNeeded();
            Chromium.screenshot(page, "membership-full-article.png");

            // 7. Logged out: the paywall is back.
            post(page, base + "/logout", () -> page.locator("header.masthead form.logout").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("ログアウト")).click());
            assertThat(page).hasURL(base + "/?loggedOut");
            assertThat(page.locator("header.masthead a.login-link")).isVisible();
            assertThat(page.locator("header.masthead a.account-link")).hasCount(0);
            Chromium.assertOk(page.navigate(articlePath), articlePath);
            assertPaywalled(page, lastParagraph);

            assertEquals(List.of(), problems, "no script errors or failed requests");
        }
    }

    /** The text of the article's last paragraph, which only readers with access see. */
    private String lastParagraph() {
        List<Block> blocks = catalog.get(PAID_ARTICLE).content().body().blocks();
        assertEquals(Block.Paragraph.class, blocks.getLast().getClass(), "the paid article ends with a paragraph");
        return ((Block.Paragraph) blocks.getLast()).text();
    }

    private static void assertPaywalled(Page page, String lastParagraph) {
        assertThat(page.locator("h1.headline")).isVisible();
        assertThat(page.locator("aside.paywall")).isVisible();
        assertThat(page.getByText(lastParagraph)).hasCount(0);
    }

    /** Runs {@code action}, which submits a form, and returns the response to its POST to {@code url}. */
    private static Response post(Page page, String url, Runnable action) {
        return page.waitForResponse(response -> response.url().equals(url)
                && "POST".equals(response.request().method()), action);
    }

    /** The verification link from the newest mail, waiting a little for it to arrive. */
    private static String verificationLink(String email) {
        return await().atMost(Duration.ofSeconds(5)).ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> TestMail.link(email, "/signup/verify"), Objects::nonNull);
    }

}
