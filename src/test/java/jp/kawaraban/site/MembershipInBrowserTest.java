package jp.kawaraban.site;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
import jp.kawaraban.member.Accounts;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A reader's way from the paywall to the full text in a real (headless) Chromium, on a phone
 * and on a desktop (decision 0035): meets the paywall of a paid article, presses the trial
 * button, signs up, opens the link from the mail (GreenMail) and is back on the article,
 * logged in; one press starts the trial and the article is there in full; the trial is
 * offered nowhere after; logged out, the paywall is back. And a free member who spends the
 * month's paid article with the paywall's button. Screenshots in {@code target/screenshots/}.
 * It uses only accounts of its own, so it may run beside the other application tests
 * ({@code junit-platform.properties}).
 */
@KawarabanTest
@Execution(ExecutionMode.CONCURRENT)
class MembershipInBrowserTest extends InBrowser {

    private static final String PAID_ARTICLE = ArticleId.derivedFrom("demo:riyadh-talks-analysis").value();

    @LocalServerPort
    int port;

    @Autowired
    ArticleCatalog catalog;
    @Autowired
    Accounts accounts;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"phone, 390, 844", "desktop, 1280, 900"})
    void aReaderGoesFromThePaywallToTheWholeArticleThroughSignUpAndTrial(String device, int width, int height) {
        String base = "http://localhost:" + port;
        String articlePath = "/articles/" + PAID_ARTICLE;
        String lastParagraph = lastParagraph();
        String email = "reader-" + UUID.randomUUID() + "@example.com";
        String password = "correct-horse-" + UUID.randomUUID().toString().substring(0, 8);

        try (BrowserContext context = newContext(base, width, height)) {
            Page page = context.newPage();
            List<String> problems = Chromium.watchForProblems(page, base);

            // 1. Anonymous: the paywall, and not the end of the article. (step 1: the paywall)
            Chromium.assertOk(page.navigate(articlePath), articlePath);
            assertPaywalled(page, lastParagraph);
            page.locator("aside.paywall").scrollIntoViewIfNeeded();
            Chromium.screenshot(page, "paywall-flow-" + device + "-1-paywall.png");

            // 2. The trial button leads to the sign-up form, which knows where the reader was.
            page.locator("aside.paywall a.trial").click();
            assertThat(page).hasURL(base + "/signup?next=%2Farticles%2F" + PAID_ARTICLE);
            Locator form = page.locator("form.account-form");
            assertThat(page.locator("main")).containsText("読んでいた記事に戻ります");
            form.locator("input[name=name]").fill("ブラウザ 読者");
            form.locator("input[name=email]").fill(email);
            form.locator("input[name=password]").fill(password);
            Chromium.screenshot(page, "paywall-flow-" + device + "-2-signup.png");
            Chromium.assertOk(post(page, base + "/signup", () -> form.locator("button[type=submit]").click()), "POST /signup");
            assertThat(page.locator("p.notice.notice-info")).containsText("確認メールを " + email + " にお送りしました");

            // 3. The link in the mail carries the article; its button confirms, logs in and goes back.
            URI link = URI.create(TestMail.link(email, "/signup/verify"));
            assertEquals("/signup/verify", link.getRawPath(), "path of the link in " + link);
            Chromium.assertOk(page.navigate(base + link.getRawPath() + "?" + link.getRawQuery()), "the mail's link");
            Chromium.screenshot(page, "paywall-flow-" + device + "-3-verify.png");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("確認して記事に戻る")).click();
            assertThat(page).hasURL(base + articlePath);
            assertThat(page.locator("header.masthead a.account-link")).isVisible();
            assertPaywalled(page, lastParagraph);

            // 4. Logged in on the article: the box starts the trial in one press.
            Locator trial = page.locator("aside.paywall form.paywall-trial-form button");
            assertThat(trial).hasText(java.util.regex.Pattern.compile("\\d+日間、無料で読んでみる"));
            assertThat(page.locator("aside.paywall button.use-allowance")).hasText("今月の無料枠（残り1本）を使って読む");
            trial.scrollIntoViewIfNeeded();
            Chromium.screenshot(page, "paywall-flow-" + device + "-4-logged-in-paywall.png");
            trial.click();
            assertThat(page).hasURL(base + articlePath);

            // 5. The whole article, no paywall.
            assertThat(page.locator("aside.paywall")).hasCount(0);
            Locator end = page.locator("div.article-body p").getByText(lastParagraph, new Locator.GetByTextOptions().setExact(true));
            assertThat(end).isVisible();
            end.scrollIntoViewIfNeeded();
            Chromium.screenshot(page, "paywall-flow-" + device + "-5-full-article.png");

            // 6. The trial is offered nowhere any more.
            Chromium.assertOk(page.navigate("/plans"), "/plans");
            assertThat(page.locator(".campaign")).hasCount(0);
            Chromium.assertOk(page.navigate("/my/account"), "/my/account");
            assertThat(page.locator(".plan-status .state[data-state=TRIALING]")).isVisible();

            // 7. Logged out: the paywall is back.
            post(page, base + "/logout", () -> page.locator("header.masthead form.logout").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("ログアウト")).click());
            Chromium.assertOk(page.navigate(articlePath), articlePath);
            assertPaywalled(page, lastParagraph);

            assertEquals(List.of(), problems, "no script errors or failed requests");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"phone, 390, 844", "desktop, 1280, 900"})
    void aFreeMemberSpendsTheMonthsPaidArticleOnlyByPressingTheButton(String device, int width, int height) {
        String base = "http://localhost:" + port;
        String articlePath = "/articles/" + PAID_ARTICLE;
        String email = "allowance-" + UUID.randomUUID() + "@example.com";
        accounts.createVerified(email, KawarabanTest.DEMO_PASSWORD, "無料 会員", Set.of());
        try (BrowserContext context = newContext(base, width, height)) {
            Page page = context.newPage();
            List<String> problems = Chromium.watchForProblems(page, base);
            logIn(page, email);
            Chromium.assertOk(page.navigate(articlePath), articlePath);
            assertPaywalled(page, lastParagraph());
            Locator use = page.locator("aside.paywall button.use-allowance");
            assertThat(use).hasText("今月の無料枠（残り1本）を使って読む");
            use.scrollIntoViewIfNeeded();
            Chromium.screenshot(page, "allowance-" + device + "-1-asked.png");
            // Reloading spends nothing: still asked.
            Chromium.assertOk(page.navigate(articlePath), articlePath);
            assertThat(use).isVisible();
            use.click();
            assertThat(page).hasURL(base + articlePath);
            assertThat(page.locator("aside.paywall")).hasCount(0);
            assertThat(page.locator(".allowance-note")).containsText("今月あと 0 本");
            page.locator(".allowance-note").scrollIntoViewIfNeeded();
            Chromium.screenshot(page, "allowance-" + device + "-2-read.png");
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
}
