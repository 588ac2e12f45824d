package jp.kawaraban.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.member.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The article page reads like a newspaper on a phone: for every kind of reader and every kind
 * of article, the first line of the text is on the first screen (390×844) and well above the
 * fold on a desktop (1280×900); nothing but the byline, the dates, the share bar and save
 * stands between the headline and the text; the topics to follow come once each, after the
 * text, and link to their pages; follow and save say their state in place. Screenshots of
 * every page, phone and desktop, go to {@code target/screenshots/article-layout-*.png}.
 */
@KawarabanTest
class ArticlePageLayoutInBrowserTest extends InBrowser {

    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    /**
     * The masthead's height on a phone: the name and account links on one line (two for editors,
     * with the desk's link), the sections below. It was 215 px.
     */
    private static final int PHONE_MASTHEAD = 130;
    private static final int DESKTOP_WIDTH = 1280;
    private static final int DESKTOP_HEIGHT = 900;
    /** On a desktop the text's first line must leave at least this much of the screen below it. */
    private static final int DESKTOP_ROOM = 200;

    /** One demo article of each kind the page is made of. */
    private static final Map<String, String> ARTICLES = Map.of(
            "free-figure", "business-rice-prices-stay-high",
            "free-commentary", "business-minimum-wage-2025",
            "free-series", "hokuyo-riyadh-talks",
            "members-series-figure", "talks-timeline-2025",
            "paid-series", "ukraine-peace-plan-proposals",
            "paid", "kaled-strait-shipping-detour");

    /** Paid, in a series; クリミア is both one of its keywords and an entity it mentions. */
    private static final String PAID_ARTICLE = "ukraine-peace-plan-proposals";

    /** Where the text starts, in page coordinates (the page is not scrolled), and what stands before it. */
    private static final String MEASURE = """
            () => {
              const first = document.querySelector('.article-body > p');
              const headline = document.querySelector('h1.headline');
              if (!first || !headline) return null;
              const top = first.getBoundingClientRect().top + window.scrollY;
              const line = parseFloat(getComputedStyle(first).lineHeight);
              const between = [...document.querySelectorAll('[data-follow], form.save-form, a.save-button')]
                  .filter(e => { const y = e.getBoundingClientRect().top + window.scrollY;
                                 return y > headline.getBoundingClientRect().top + window.scrollY && y < top
                                     && !e.closest('.article-tools'); })
                  .map(e => e.textContent.trim());
              const shown = between.slice(0, 3).join(' / ') + (between.length > 3 ? ' …' : '');
              return { top: top, firstLineBottom: top + line,
                       between: between.length ? between.length + ' (' + shown + ')' : '' };
            }""";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    @Test
    void theFirstLineOfTheTextIsOnTheFirstScreenForEveryReaderAndArticle() {
        String base = "http://localhost:" + port;
        String password = "password-" + UUID.randomUUID();
        String freeMember = "layout-free-" + UUID.randomUUID() + "@example.com";
        accounts.createVerified(freeMember, password, "配置 確認", Set.of());
        Map<String, Reader> readers = Map.of(
                "anonymous", new Reader(null, null),
                "free", new Reader(freeMember, password),
                "paid", new Reader("paid@example.com", KawarabanTest.DEMO_PASSWORD),
                "editor", new Reader("editor@example.com", KawarabanTest.DEMO_PASSWORD));

        List<String> failures = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String readerKind : List.of("anonymous", "free", "paid", "editor")) {
            Reader reader = readers.get(readerKind);
            for (boolean phone : List.of(true, false)) {
                try (BrowserContext context = context(base, phone)) {
                    Page page = context.newPage();
                    problems.addAll(Chromium.watchForProblems(page, base));
                    reader.logIn(page);
                    for (String articleKind : List.of("free-figure", "free-commentary", "free-series",
                            "members-series-figure", "paid-series", "paid")) {
                        String path = path(ARTICLES.get(articleKind));
                        Chromium.assertOk(page.navigate(path), path);
                        String where = readerKind + " on " + articleKind + (phone ? " (phone)" : " (desktop)");
                        Chromium.screenshot(page, "article-layout-" + readerKind + "-" + articleKind
                                + (phone ? "-phone" : "-desktop") + ".png");
                        @SuppressWarnings("unchecked")
                        Map<String, Object> measured = (Map<String, Object>) page.evaluate(MEASURE);
                        if (measured == null) {
                            failures.add(where + ": no headline or paragraph of text");
                            continue;
                        }
                        double top = ((Number) measured.get("top")).doubleValue();
                        double firstLineBottom = ((Number) measured.get("firstLineBottom")).doubleValue();
                        int limit = phone ? PHONE_HEIGHT : DESKTOP_HEIGHT - DESKTOP_ROOM;
                        if (firstLineBottom > limit) {
                            failures.add(where + ": the text's first line starts at " + Math.round(top)
                                    + " px and ends at " + Math.round(firstLineBottom) + " px, below " + limit);
                        }
                        double masthead = page.locator("header.masthead").boundingBox().height;
                        if (phone && masthead > PHONE_MASTHEAD) {
                            failures.add(where + ": the masthead takes " + Math.round(masthead) + " px of the first screen");
                        }
                        String between = (String) measured.get("between");
                        if (!between.isEmpty()) {
                            failures.add(where + ": controls between the headline and the text: " + between);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures, "readers who must scroll before the text starts");
        assertEquals(List.of(), problems, "script errors and failed requests");
    }

    @Test
    void topicsComeOnceEachAfterTheTextAndLeadToTheirPages() {
        String base = "http://localhost:" + port;
        for (boolean loggedIn : List.of(false, true)) {
            try (BrowserContext context = context(base, true)) {
                Page page = context.newPage();
                if (loggedIn) {
                    logIn(page, "paid@example.com");
                }
                for (String slug : ARTICLES.values()) {
                    Chromium.assertOk(page.navigate(path(slug)), path(slug));
                    Locator chips = page.locator(".article-topics li.topic-chip");
                    List<String> targets = chips.evaluateAll("chips => chips.map(c => c.dataset.topic)")
                            instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
                    List<String> names = chips.locator("a.topic-name").allInnerTexts();
                    assertTrue(!targets.isEmpty(), slug + " offers topics to follow");
                    assertEquals(targets.size(), new HashSet<>(targets).size(), slug + ": one control per target " + targets);
                    assertEquals(names.size(), new HashSet<>(names).size(), slug + ": no two topics read alike " + names);
                    assertEquals(targets.size(), chips.locator(".follow-button").count(), slug + ": a follow control per topic");
                    List<String> follows = page.locator("[data-follow]").evaluateAll("es => es.map(e => e.dataset.follow)")
                            instanceof List<?> all ? all.stream().map(String::valueOf).toList() : List.of();
                    assertEquals(follows.size(), new HashSet<>(follows).size(), slug + ": no follow control twice on the page");
                    for (int i = 0; i < chips.count(); i++) {
                        String topic = targets.get(i);
                        String href = chips.nth(i).locator("a.topic-name").getAttribute("href");
                        String expected = topic.startsWith("entity:") ? "/entities/" : topic.startsWith("keyword:")
                                ? "/keywords/" : "/series/";
                        assertTrue(href.startsWith(expected), topic + " links to its page: " + href);
                    }
                    // Compact: a chip is one line of small text, not a full-width button.
                    double height = ((Number) chips.first().locator(".follow-button")
                            .evaluate("b => b.getBoundingClientRect().height")).doubleValue();
                    assertTrue(height < 36, slug + ": the follow control is compact (" + height + " px high)");
                }
                Chromium.assertOk(page.navigate(path(PAID_ARTICLE)), path(PAID_ARTICLE));
                Locator crimea = page.locator(".article-topics li.topic-chip", new Page.LocatorOptions().setHasText("クリミア"));
                assertThat(crimea).hasCount(1);
                if (!loggedIn) {
                    // Held at the preview: no names found in text this reader may not read, only the
                    // series and the editors' keywords (クリミア the keyword, as the keyword list had it).
                    assertThat(page.locator(".article-topics li.topic-entity")).hasCount(0);
                    assertThat(crimea.locator("a.topic-name")).hasAttribute("href",
                            "/keywords/" + java.net.URLEncoder.encode("クリミア", java.nio.charset.StandardCharsets.UTF_8));
                    continue;
                }
                // クリミア the keyword and クリミア the place are one chip, the place's (which covers クリミア半島 too).
                assertThat(crimea.locator("a.topic-name")).hasAttribute("href", "/entities/crimea");
                // An entity's chip opens the entity's page.
                Locator entity = page.locator(".article-topics li.topic-entity a.topic-name").first();
                String name = entity.innerText().strip();
                entity.click();
                assertThat(page).hasURL(java.util.regex.Pattern.compile("/entities/"));
                assertThat(page.locator("h1")).containsText(name);
            }
        }
    }

    @Test
    void followingAndSavingShowTheirStateInPlace() {
        String base = "http://localhost:" + port;
        try (BrowserContext context = context(base, true)) {
            Page page = context.newPage();
            List<String> problems = Chromium.watchForProblems(page, base);
            logIn(page, "paid@example.com");
            String path = path(PAID_ARTICLE);
            Chromium.assertOk(page.navigate(path), path);

            // paid@ may follow or have saved things already (the demo, other tests): each control is
            // pressed from the state it is in, must show the other state in place, then is pressed back.
            Locator chip = page.locator(".article-topics li.topic-chip").last();
            String topic = chip.getAttribute("data-topic");
            Locator follow = page.locator(".article-topics li.topic-chip[data-topic='" + topic + "'] .follow-button");
            Locator save = page.locator(".article-tools form.save-form button");
            boolean wasFollowing = "true".equals(follow.getAttribute("aria-pressed"));
            boolean wasSaved = "true".equals(save.getAttribute("aria-pressed"));
            assertThat(follow).hasText(wasFollowing ? "フォロー中" : "フォローする");
            assertThat(save).hasText(wasSaved ? "保存済み" : "保存する");

            follow.click();
            assertThat(follow).hasText(wasFollowing ? "フォローする" : "フォロー中");
            assertThat(follow).hasAttribute("aria-pressed", String.valueOf(!wasFollowing));
            save.click();
            assertThat(save).hasText(wasSaved ? "保存する" : "保存済み");
            assertEquals(base + path, page.url(), "followed and saved without leaving the article");
            Chromium.screenshot(page, "article-layout-saved-phone.png");
            page.evaluate("() => document.querySelector('.article-topics').scrollIntoView()");
            Chromium.screenshot(page, "article-layout-topics-phone.png");

            // The new state is kept: it shows after a reload; pressing again goes back.
            Chromium.assertOk(page.navigate(path), path);
            assertThat(follow).hasText(wasFollowing ? "フォローする" : "フォロー中");
            assertThat(save).hasText(wasSaved ? "保存する" : "保存済み");
            follow.click();
            assertThat(follow).hasText(wasFollowing ? "フォロー中" : "フォローする");
            save.click();
            assertThat(save).hasText(wasSaved ? "保存済み" : "保存する");
            assertEquals(List.of(), problems, "script errors and failed requests");
        }
    }

    private static BrowserContext context(String base, boolean phone) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setBaseURL(base).setLocale("ja-JP");
        BrowserContext context = browser.newContext(phone
                ? options.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT).setIsMobile(true).setHasTouch(true)
                : options.setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT));
        context.setDefaultTimeout(60_000); // the test machine is shared; a page may take a while
        return context;
    }

    private static String path(String slug) {
        return "/articles/" + ArticleId.derivedFrom("demo:" + slug).value();
    }

    /** A reader: anonymous without an e-mail address. */
    private record Reader(String email, String password) {

        void logIn(Page page) {
            if (email == null) {
                return;
            }
            Chromium.assertOk(page.navigate("/login"), "/login");
            Locator login = page.locator("form.account-form");
            login.locator("input[name=email]").fill(email);
            login.locator("input[name=password]").fill(password);
            login.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("ログイン")).click();
            assertThat(page.locator("header.masthead a.account-link")).isVisible();
        }
    }
}
