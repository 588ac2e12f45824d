package jp.kawaraban.member;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.access.Trials;
import jp.kawaraban.article.ArticleId;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser restoring its tabs sends their requests at the same moment with one session
 * cookie, often the first ones after logging in or after the session was made. Every tab
 * gets its page, and each tab's forms work afterwards (the session holds one CSRF token,
 * not one per tab that raced to make it).
 */
@KawarabanTest
@ExtendWith(OutputCaptureExtension.class)
class TabsAtOnceTest {

    private static final List<String> PAGES = List.of("/my/account", "/my/news", "/my/saved", "/my/follows", "/",
            article("society-kasumigahara-lodging-tax"), article("business-rice-prices-stay-high"),
            article("business-column-regional-banks"), "/sections/society", "/search?q=物価",
            "/newsletters", "/my/figures", "/plans", article("kaled-strait-shipping-detour"), "/series/keizai-no-me");

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Trials trials;

    private static String article(String slug) {
        return "/articles/" + ArticleId.derivedFrom("demo:" + slug).value();
    }

    @Test
    void fiveTabsOpenedRightAfterLoggingInAllLoad(CapturedOutput log) throws Exception {
        for (int round = 0; round < 4; round++) {
            WebSession member = freshMember();
            assertAllLoad(member, PAGES.subList(0, 5), "round " + round);
        }
        assertThat(log.getAll()).doesNotContain("duplicate key");
    }

    @Test
    void fifteenTabsOpenedRightAfterLoggingInAllLoadAndTheirFormsWork(CapturedOutput log) throws Exception {
        WebSession member = freshMember();
        List<HttpResponse<String>> tabs = assertAllLoad(member, PAGES, "15 tabs");
        assertThat(log.getAll()).doesNotContain("duplicate key");

        // Each tab's forms are answered, not refused for a stale CSRF token: the tabs agree on one.
        for (HttpResponse<String> tab : tabs) {
            String token = Jsoup.parse(tab.body()).selectFirst("form.logout input[name=_csrf]").val();
            HttpResponse<String> answer = member.post("/my/account/email",
                    Map.of("_csrf", token, "email", "", "password", ""));
            assertThat(answer.body()).as("the account page answering the form sent from " + tab.uri())
                    .contains("action=\"/my/account/email\"");
        }
        String token = Jsoup.parse(tabs.getLast().body()).selectFirst("form.logout input[name=_csrf]").val();
        HttpResponse<String> loggedOut = member.post("/logout", Map.of("_csrf", token));
        assertThat(loggedOut.headers().firstValue("Location").orElse("")).endsWith("/?loggedOut");
    }

    /** An anonymous session made by the log-in page, then members' pages opened at once: each is sent to log in. */
    @Test
    void membersPagesOpenedAtOnceInANewAnonymousSessionAllAnswer(CapturedOutput log) throws Exception {
        for (int round = 0; round < 4; round++) {
            WebSession visitor = new WebSession(port);
            assertThat(visitor.get("/login").statusCode()).isEqualTo(200); // the session is made here
            List<HttpResponse<String>> answers = atOnce(visitor, List.of("/my/account", "/my/news", "/my/saved",
                    "/my/follows", "/my/figures"));
            for (HttpResponse<String> answer : answers) {
                assertThat(answer.statusCode()).as(answer.uri() + ", round " + round).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/login");
            }
        }
        assertThat(log.getAll()).doesNotContain("duplicate key");
    }

    /**
     * The browser was closed and opened again: its session cookie is gone, the "keep me logged
     * in" cookie is not, and the restored tabs all log the member back in at once.
     */
    @Test
    void tabsRestoredWithOnlyTheRememberedDeviceCookieAllLoad(CapturedOutput log) throws Exception {
        String password = "password-" + UUID.randomUUID();
        Member member = accounts.createVerified("remembered-" + UUID.randomUUID() + "@example.com", password,
                "記憶 端末", Set.of());
        inTrial(member);
        WebSession before = new WebSession(port);
        HttpResponse<String> login = before.submit("/login", "/login",
                Map.of("email", member.email(), "password", password, "remember", "true"));
        String remembered = login.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("KAWARABAN_REMEMBER=")).findFirst().orElseThrow()
                .split(";", 2)[0];

        WebSession reopened = new WebSession(port);
        List<HttpResponse<String>> tabs = atOnce(reopened, PAGES.subList(0, 5), remembered);
        for (HttpResponse<String> tab : tabs) {
            assertThat(tab.statusCode()).as(tab.uri() + " after the browser was reopened").isEqualTo(200);
            assertThat(tab.body()).as(tab.uri() + " logged in again").contains("class=\"account-link\"");
        }
        // Later, with whichever cookie the browser kept, the member is still logged in.
        WebSession later = new WebSession(port);
        String kept = tabs.getLast().headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("KAWARABAN_REMEMBER=")).findFirst()
                .map(cookie -> cookie.split(";", 2)[0]).orElse(remembered);
        assertThat(later.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(later.base() + "/my/account"))
                .header("Cookie", kept).build()).statusCode()).isEqualTo(200);
        assertThat(log.getAll()).doesNotContain("duplicate key");
    }

    /** A member in a trial reads everything and has My News, like a paying member. */
    private void inTrial(Member member) {
        assertThat(trials.start(member.id(), trials.openCampaigns().getFirst().code())).isEqualTo(Trials.Outcome.STARTED);
    }

    private WebSession freshMember() {
        String password = "password-" + UUID.randomUUID();
        Member member = accounts.createVerified("tabs-" + UUID.randomUUID() + "@example.com", password,
                "多数 タブ", Set.of());
        inTrial(member);
        return WebSession.loggedIn(port, member.email(), password);
    }

    private List<HttpResponse<String>> assertAllLoad(WebSession session, List<String> paths, String what)
            throws Exception {
        List<HttpResponse<String>> answers = atOnce(session, paths);
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.uri() + ", " + what).isEqualTo(200);
            assertThat(answer.body()).as(answer.uri() + ", " + what).contains("class=\"account-link\"");
        }
        return answers;
    }

    /** All paths requested at the same moment with the session's cookies, answers in the order asked. */
    private static List<HttpResponse<String>> atOnce(WebSession session, List<String> paths) throws Exception {
        return atOnce(session, paths, null);
    }

    private static List<HttpResponse<String>> atOnce(WebSession session, List<String> paths, String cookie)
            throws Exception {
        ExecutorService tabs = Executors.newFixedThreadPool(paths.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (String path : paths) {
                pending.add(tabs.submit((Callable<HttpResponse<String>>) () -> {
                    start.await();
                    if (cookie == null) {
                        return session.get(path);
                    }
                    return session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(session.base() + path))
                            .header("Cookie", cookie).build());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            tabs.shutdownNow();
        }
    }
}
