package jp.kawaraban.site;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The site works in Chromium under its Content-Security-Policy: a reader, a member who pays
 * through the demo checkout and then saves and follows (htmx), and an editor at the desk
 * (htmx preview, proposals, related search) go through the main kinds of pages, and the
 * browser reports no violation of the policy — neither as a {@code securitypolicyviolation}
 * event in any page nor on the console — and no script error.
 */
@KawarabanTest
class ContentSecurityPolicyInBrowserTest extends InBrowser {

    private static final String RICE = "/articles/" + ArticleId.derivedFrom("demo:business-rice-prices-stay-high").value();

    /** Waits for htmx answers; the test machine is shared and a page may take a while. */
    private static final LocatorAssertions.HasTextOptions SLOW = new LocatorAssertions.HasTextOptions().setTimeout(60_000);

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    @Test
    void aReaderAMemberAndAnEditorUseTheSiteWithNoViolationOfThePolicy() {
        String base = "http://localhost:" + port;
        List<String> violations = new CopyOnWriteArrayList<>();
        List<List<String>> problems = new CopyOnWriteArrayList<>();

        try (BrowserContext context = watched(base, violations)) {
            Page page = page(context, base, violations, problems);
            for (String path : List.of("/", "/sections/business", "/series/keizai-no-me", "/search?q=物価",
                    "/entities/sergey-lavrov", "/login", "/signup", "/newsletters", "/plans",
                    "/no-such-page")) {
                page.navigate(path);
                assertThat(page.locator("main#main")).isVisible();
            }
            Chromium.assertOk(page.navigate(RICE), RICE);
            assertThat(page.locator("script[type='application/ld+json']")).hasCount(1);
            // The newsletter box opens its form in place (htmx).
            page.locator(".newsletter-box-form a.button").click();
            assertThat(page.locator(".newsletter-box-form form.newsletter-form")).isVisible();
            // The share bar's print link: the print view.
            page.locator("nav.share-bar").first().locator("a.share-print").click();
            assertThat(page.locator("body.print-view")).isVisible();
        }

        String password = "password-" + UUID.randomUUID();
        Member member = accounts.createVerified("csp-" + UUID.randomUUID() + "@example.com", password,
                "方針 確認", Set.of());
        try (BrowserContext context = watched(base, violations)) {
            Page page = page(context, base, violations, problems);
            Chromium.assertOk(page.navigate("/login"), "/login");
            Locator login = page.locator("form.account-form");
            login.locator("input[name=email]").fill(member.email());
            login.locator("input[name=password]").fill(password);
            login.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("ログイン")).click();
            assertThat(page.locator("header.masthead a.account-link")).isVisible();

            // Pays through the demo checkout. The checkout is started with the plans page's form by
            // the same member over HTTP: the demo provider sends to the configured public address
            // (as Stripe would send to its own), which in tests is not this server's.
            HttpResponse<String> checkout = WebSession.loggedIn(port, member.email(), password)
                    .submit("/plans", "/billing/checkout", Map.of("plan", "MONTHLY"));
            String demoCheckout = URI.create(checkout.headers().firstValue("Location").orElseThrow()).getPath();
            Chromium.assertOk(page.navigate("/plans"), "/plans");
            Chromium.assertOk(page.navigate(demoCheckout), demoCheckout);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("支払いを完了する（デモ）")).click();
            assertThat(page).hasURL(base + "/my/account?paid");

            // Saves the article and follows one of its keywords: htmx swaps the buttons.
            Chromium.assertOk(page.navigate(RICE), RICE);
            page.locator(".personal-bar form.save-form button").click();
            assertThat(page.locator(".personal-bar form.save-form button")).hasText(java.util.regex.Pattern.compile("保存済み"), SLOW);
            Locator follow = page.locator(".article-topics form.follow-form button").first();
            String before = follow.innerText();
            follow.click();
            assertThat(page.locator(".article-topics form.follow-form button").first()).not().hasText(before, SLOW);
            for (String path : List.of("/my/news", "/my/saved", "/my/follows", "/my/figures", "/my/account")) {
                Chromium.assertOk(page.navigate(path), path);
            }
        }

        try (BrowserContext context = watched(base, violations)) {
            Page page = page(context, base, violations, problems);
            logIn(page, "editor@example.com");
            for (String path : List.of("/editor/articles", "/editor/newsletters", "/editor/keywords", "/editor/audit")) {
                Chromium.assertOk(page.navigate(path), path);
            }
            Chromium.assertOk(page.navigate("/editor/articles/new"), "/editor/articles/new");
            page.locator("#f-headline").fill("方針の下で動く編集画面");
            page.locator("#f-lead").fill("編集画面が方針の下で動くかを確かめる。");
            page.locator("#f-body").fill("港町の朝市が復活した。物価の話も出た。");
            page.locator("#f-bylines").fill("地域報道部 試験三郎");
            page.locator("select[name=section]").selectOption("society");
            assertEquals(List.of(), violations, "violations before the preview");
            assertThat(page.locator("#preview h1.headline")).hasText("方針の下で動く編集画面", SLOW); // htmx preview
            // Proposals refreshed and related articles searched in place (htmx).
            Chromium.assertOk(page.waitForResponse(base + "/editor/articles/proposals",
                    () -> page.locator("button[hx-post='/editor/articles/proposals']").click()), "proposals");
            Locator related = page.locator("form[hx-get='/editor/articles/related']");
            related.locator("input[name=q]").fill("物価");
            related.locator("button").click();
            assertThat(page.locator("#related-results")).not().isEmpty(new LocatorAssertions.IsEmptyOptions().setTimeout(60_000));
        }

        assertEquals(List.of(), violations, "Content-Security-Policy violations reported by the browser");
        assertEquals(List.of(), problems.stream().flatMap(List::stream)
                .filter(problem -> !problem.endsWith("/no-such-page")).toList(), "script errors and failed requests");
    }

    /** A fresh profile in which every page reports its policy violations to the test. */
    private static BrowserContext watched(String base, List<String> violations) {
        BrowserContext context = newContext(base);
        context.setDefaultTimeout(60_000); // the test machine is shared; a page may take a while
        context.exposeBinding("reportPolicyViolation", (source, args) -> {
            violations.add(source.page().url() + ": " + args[0]);
            return null;
        });
        // Playwright puts this in every page before the page's own scripts; the page's policy does not apply to it.
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => window.reportPolicyViolation("
                + "e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + (e.sample ? ' ' + e.sample : '')));");
        return context;
    }

    private static Page page(BrowserContext context, String base, List<String> violations, List<List<String>> problems) {
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add("console on " + page.url() + ": " + message.text());
            }
        });
        problems.add(Chromium.watchForProblems(page, base));
        return page;
    }
}
