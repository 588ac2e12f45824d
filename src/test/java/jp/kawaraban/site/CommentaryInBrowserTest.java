package jp.kawaraban.site;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.article.ArticleId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Experts' commentary in a real (headless) Chromium: the demo expert logs in and comments on
 * an article; a free member sees the comment under the article; an anonymous reader sees how
 * many experts commented and the log-in prompt, not the text. Skipped when Chromium is not
 * installed (see {@link Chromium}). Leaves screenshots in {@code target/screenshots/}.
 */
@KawarabanTest
class CommentaryInBrowserTest extends InBrowser {

    private static final String ARTICLE = ArticleId.derivedFrom("demo:politics-upper-house-campaign-begins").value();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheComment() {
        jdbc.sql("DELETE FROM commentary WHERE article_id = ?").param(ARTICLE).update();
    }

    @Test
    void anExpertCommentsAFreeMemberReadsItAnAnonymousReaderIsAskedToLogIn() {
        String base = "http://localhost:" + port;
        String articlePath = "/articles/" + ARTICLE;
        String comment = "若い有権者の投票率がどこまで戻るかが、今回の選挙の隠れた争点です。(" + UUID.randomUUID().toString().substring(0, 8) + ")";

        try (BrowserContext expertContext = newContext(base)) {
            Page page = expertContext.newPage();
            List<String> problems = Chromium.watchForProblems(page, base);
            logIn(page, "expert@example.com");
            Chromium.assertOk(page.navigate(articlePath), articlePath);
            Locator form = page.locator("section.commentary form.commentary-form");
            form.locator("textarea[name=text]").fill(comment);
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("コメントを投稿する")).click();
            assertThat(page).hasURL(base + articlePath + "#commentary");
            Locator mine = page.locator("li.commentary-item.is-mine");
            assertThat(mine.locator(".commentary-text")).hasText(comment);
            assertThat(mine.locator(".expert-name")).hasText("識者 花子");
            mine.scrollIntoViewIfNeeded();
            Chromium.screenshot(page, "commentary-expert.png");
            assertEquals(List.of(), problems, "no script errors or failed requests (expert)");
        }

        try (BrowserContext memberContext = newContext(base)) {
            Page page = memberContext.newPage();
            logIn(page, "free@example.com");
            Chromium.assertOk(page.navigate(articlePath), articlePath);
            Locator section = page.locator("section.commentary");
            assertThat(section.locator("h2")).hasText("専門家の見方");
            assertThat(section.locator(".commentary-text")).hasText(comment);
            assertThat(section.locator("form.commentary-form")).hasCount(0);
            section.scrollIntoViewIfNeeded();
            Chromium.screenshot(page, "commentary-member.png");
        }

        try (BrowserContext anonymousContext = newContext(base)) {
            Page page = anonymousContext.newPage();
            Chromium.assertOk(page.navigate(articlePath), articlePath);
            Locator section = page.locator("section.commentary");
            assertThat(section.locator(".commentary-count")).hasText("専門家1人がコメントしています");
            assertThat(section.locator("a.commentary-login")).isVisible();
            assertThat(page.getByText(comment)).hasCount(0);
            section.scrollIntoViewIfNeeded();
            Chromium.screenshot(page, "commentary-anonymous.png");
            section.locator("a.commentary-login").click();
            assertThat(page).hasURL(base + "/login?next=%2Farticles%2F" + ARTICLE);
        }
    }
}
