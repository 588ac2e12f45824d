package jp.kawaraban.site;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestClock;
import jp.kawaraban.WebSession;
import jp.kawaraban.access.GiftLink;
import jp.kawaraban.access.Gifts;
import jp.kawaraban.access.GiftsChanged;
import jp.kawaraban.access.Plan;
import jp.kawaraban.access.SubscriptionDesk;
import jp.kawaraban.access.SubscriptionLedger;
import jp.kawaraban.access.SubscriptionState;
import jp.kawaraban.access.Trials;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import jp.kawaraban.member.Role;
import jp.kawaraban.member.SessionsClosed;
import jp.kawaraban.platform.Audited;
import jp.kawaraban.platform.FromAnotherNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, decision 0042: a paid member's article page sent from memory is the page the normal
 * chain sends — the whole text, their follow and save state, forms that work — and nothing kept
 * in memory lets a reader read more than the database says they may: a subscription ended, a
 * trial past its end by the clock, a device logged out from another one, "log out everywhere", a
 * log-out with the old cookie replayed, a session deleted by another node; free members and staff
 * never get a page from memory.
 */
@KawarabanTest
class MemberPagesFromMemoryTest {

    static final String PAID_ARTICLE = ArticleId.derivedFrom("demo:riyadh-talks-analysis").value();
    /** Members only, with a figure to save. */
    /** Another paid article: a member who lost paid access opens it first, and so spends the month's allowance on it. */
    static final String OTHER_PAID = ArticleId.derivedFrom("demo:business-column-regional-banks").value();
    static final String FIGURE_ARTICLE = ArticleId.derivedFrom("demo:talks-timeline-2025").value();

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Trials trials;
    @Autowired
    SubscriptionDesk subscriptions;
    @Autowired
    SubscriptionLedger ledger;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Gifts gifts;

    @Test
    void thePageFromMemoryIsTheOneTheNormalChainSends() {
        WebSession member = paidMember();
        HttpResponse<String> normal = member.get("/articles/" + FIGURE_ARTICLE);
        HttpResponse<String> kept = fromMemory(member, "/articles/" + FIGURE_ARTICLE);
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(withoutTokens(kept.body())).isEqualTo(withoutTokens(normal.body()));
        assertThat(kept.body()).contains(lastWords(FIGURE_ARTICLE));
        assertThat(kept.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store").contains("private");
        assertThat(kept.headers().firstValue("Content-Security-Policy")).isEqualTo(normal.headers().firstValue("Content-Security-Policy"));
        assertThat(kept.headers().allValues("Set-Cookie")).isEmpty();
        Document page = Jsoup.parse(kept.body());
        assertThat(page.select("form.save-form")).as("save article and save figure").hasSizeGreaterThanOrEqualTo(2);
        assertThat(page.select(".article-topics form.follow-form")).isNotEmpty();
        List<String> tokens = page.select("input[name=_csrf]").eachAttr("value");
        assertThat(tokens).isNotEmpty().allSatisfy(token -> assertThat(token).isEqualTo(tokens.getFirst()));
        String another = Jsoup.parse(member.get("/articles/" + FIGURE_ARTICLE).body()).selectFirst("input[name=_csrf]").val();
        assertThat(another).as("masked anew for every page").isNotEqualTo(tokens.getFirst());
    }

    @Test
    void aFollowAndASavePostedFromThePageFromMemoryShowOnTheVeryNextPage() {
        WebSession member = paidMember();
        String path = "/articles/" + FIGURE_ARTICLE;
        Document page = Jsoup.parse(fromMemory(member, path).body());

        Element follow = page.selectFirst(".article-topics form.follow-form");
        String topic = follow.attr("data-follow");
        assertThat(follow.selectFirst("button").attr("aria-pressed")).isEqualTo("false");
        assertThat(post(member, follow).statusCode()).isBetween(200, 399);
        Element save = page.selectFirst(".personal-bar form.save-form");
        assertThat(save.selectFirst("button").attr("aria-pressed")).isEqualTo("false");
        assertThat(post(member, save).statusCode()).isBetween(200, 399);
        Element figure = page.selectFirst("form.save-form:has(input[name=imageId])");
        assertThat(post(member, figure).statusCode()).isBetween(200, 399);

        // The member's own posts forgot the session: the normal chain first, then memory again.
        Document after = Jsoup.parse(fromMemory(member, path).body());
        assertThat(after.selectFirst(".article-topics form.follow-form[data-follow=\"" + topic + "\"] button")
                .attr("aria-pressed")).isEqualTo("true");
        assertThat(after.selectFirst(".personal-bar form.save-form button").attr("aria-pressed")).isEqualTo("true");
        assertThat(after.selectFirst("form.save-form:has(input[name=imageId]) button").attr("aria-pressed")).isEqualTo("true");

        // And back, from a page from memory again.
        assertThat(post(member, after.selectFirst(".article-topics form.follow-form[data-follow=\"" + topic + "\"]"))
                .statusCode()).isBetween(200, 399);
        assertThat(Jsoup.parse(member.get(path).body())
                .selectFirst(".article-topics form.follow-form[data-follow=\"" + topic + "\"] button")
                .attr("aria-pressed")).isEqualTo("false");
    }

    /**
     * The gift button's counts are the reader's own (decision 0034): a page kept for paid members
     * shows each of them their gifts left and made, never the first one's.
     */
    @Test
    void eachPaidMemberSeesTheirOwnGiftsOnThePageFromMemory() {
        String path = "/articles/" + PAID_ARTICLE;
        WebSession giver = paidMember();
        Element offer = Jsoup.parse(giver.get(path).body()).selectFirst(".gift-offer form");
        assertThat(post(giver, offer).statusCode()).isBetween(200, 399);
        Document giversPage = Jsoup.parse(fromMemory(giver, path).body());
        assertThat(giversPage.selectFirst(".gift-offer .gifts-left").text()).isEqualTo("今月あと9本");
        assertThat(giversPage.selectFirst(".gift-offer .gifts-given").text()).contains("プレゼント1件");

        WebSession other = paidMember();
        Document othersPage = Jsoup.parse(fromMemory(other, path).body());
        assertThat(othersPage.selectFirst(".gift-offer .gifts-left").text()).isEqualTo("今月あと10本");
        assertThat(othersPage.select(".gift-offer .gifts-given")).isEmpty();
    }

    /**
     * The gift counts come from memory (decision 0045): a reader opening the giver's link, and a
     * gift made on another node, show on the giver's next page from memory, and on no one else's.
     */
    @Test
    void aGiftOpenedOrMadeElsewhereShowsOnTheGiversNextPageFromMemory() {
        String path = "/articles/" + PAID_ARTICLE;
        Member member = newMember();
        WebSession giver = startTrial(member);
        GiftLink link = gifts.give(member.id(), PAID_ARTICLE);
        Document before = Jsoup.parse(fromMemory(giver, path).body());
        assertThat(before.selectFirst(".gift-offer .gifts-given").text()).contains("プレゼント1件").contains("開封0回");

        assertThat(new WebSession(port).get(giver.local(link.url())).body()).contains(lastWords(PAID_ARTICLE));
        Document opened = Jsoup.parse(fromMemory(giver, path).body());
        assertThat(opened.selectFirst(".gift-offer .gifts-given").text()).contains("プレゼント1件").contains("開封1回");

        // Another node made a gift of this member's: its row is in the shared database, its event heard here.
        jdbc.sql("""
                INSERT INTO access_gift (id, token_hash, giver_id, article_id, month, created_at, expires_at)
                SELECT gen_random_uuid(), sha256(gen_random_uuid()::text::bytea), giver_id, article_id, month, created_at, expires_at
                FROM access_gift WHERE giver_id = ?""").param(member.id().value()).update();
        events.publishEvent(new FromAnotherNode<>(new GiftsChanged(member.id()), "another-node"));
        Document elsewhere = Jsoup.parse(fromMemory(giver, path).body());
        assertThat(elsewhere.selectFirst(".gift-offer .gifts-left").text()).isEqualTo("今月あと8本");
        assertThat(elsewhere.selectFirst(".gift-offer .gifts-given").text()).contains("プレゼント2件");

        Document othersPage = Jsoup.parse(fromMemory(paidMember(), path).body());
        assertThat(othersPage.selectFirst(".gift-offer .gifts-left").text()).isEqualTo("今月あと10本");
        assertThat(othersPage.select(".gift-offer .gifts-given")).isEmpty();
    }

    @Test
    void aMemberWhoseSubscriptionAnAdministratorEndsReadsThePreviewOnTheNextPage() {
        Member member = newMember();
        WebSession session = warmed(startTrial(member));
        subscriptions.end(new Audited.Actor("test", "試験"), member.id());
        assertPreviewOnlyOnceTheAllowanceIsSpent(session);
    }

    /** The payment provider's word (a webhook): no administrator, no audit, only the subscription's own change. */
    @Test
    void aMemberWhoseSubscriptionTheProviderEndsReadsThePreviewOnTheNextPage() {
        Member member = newMember();
        Instant now = clock.instant();
        ledger.apply(new SubscriptionLedger.ProviderReport(member.id(), Plan.MONTHLY, SubscriptionState.ACTIVE,
                now.plus(Duration.ofDays(30)), "demo", "sub-" + member.id(), now));
        WebSession session = warmed(WebSession.loggedIn(port, member.email(), DEMO_PASSWORD));
        ledger.apply(new SubscriptionLedger.ProviderReport(member.id(), Plan.MONTHLY, SubscriptionState.EXPIRED,
                now, "demo", "sub-" + member.id(), now.plusSeconds(1)));
        assertPreviewOnlyOnceTheAllowanceIsSpent(session);
    }

    @Test
    void aTrialEndsAtItsInstantByTheClockEvenWithNothingAnnounced() {
        Member member = newMember();
        WebSession session = startTrial(member);
        jdbc.sql("UPDATE access_subscription SET trial_ends_at = ? WHERE member_id = ?")
                .params(Timestamp.from(clock.instant().plusSeconds(5)), member.id().value()).update();
        warmed(session);
        clock.advance(Duration.ofSeconds(6));
        assertPreviewOnlyOnceTheAllowanceIsSpent(session);
    }

    @Test
    void aDeviceLoggedOutFromAnotherDeviceReadsNoMore() {
        Member member = newMember();
        WebSession laptop = startTrial(member);
        WebSession phone = warmed(WebSession.loggedIn(port, member.email(), DEMO_PASSWORD));
        Document account = laptop.page("/my/account");
        Element other = account.selectFirst("form[action=/my/account/devices/logout]");
        assertThat(laptop.post("/my/account/devices/logout", Map.of("_csrf", other.selectFirst("input[name=_csrf]").val(),
                "device", other.selectFirst("input[name=device]").val())).statusCode()).isBetween(200, 399);
        assertPreviewOnly(phone.get("/articles/" + PAID_ARTICLE));
    }

    @Test
    void logOutEverywhereEndsPagesFromMemoryOnEveryDevice() {
        Member member = newMember();
        WebSession laptop = startTrial(member);
        WebSession phone = warmed(WebSession.loggedIn(port, member.email(), DEMO_PASSWORD));
        assertThat(laptop.submit("/my/account", "/my/account/logout-everywhere", Map.of()).statusCode()).isBetween(200, 399);
        assertPreviewOnly(phone.get("/articles/" + PAID_ARTICLE));
    }

    @Test
    void aLoggedOutSessionsCookieReplayedReadsNoMore() {
        WebSession session = warmed(startTrial(newMember()));
        String cookie = session.cookie("KAWARABAN_SESSION");
        assertThat(session.submit("/articles/" + PAID_ARTICLE, "/logout", Map.of()).statusCode()).isEqualTo(302);
        assertPreviewOnly(session.getWithOnlyCookie("/articles/" + PAID_ARTICLE, "KAWARABAN_SESSION", cookie));
    }

    /** Another node logged the device out: it deleted the row and announced it; this node heard it. */
    @Test
    void aSessionDeletedByAnotherNodeReadsNoMoreOnceItIsHeard() {
        Member member = newMember();
        WebSession session = warmed(startTrial(member));
        String id = new String(Base64.getDecoder().decode(session.cookie("KAWARABAN_SESSION")), StandardCharsets.UTF_8);
        assertThat(jdbc.sql("DELETE FROM spring_session WHERE session_id = ?").param(id).update()).isEqualTo(1);
        events.publishEvent(new FromAnotherNode<>(new SessionsClosed(member.id()), "another-node"));
        assertPreviewOnly(session.get("/articles/" + PAID_ARTICLE));
    }

    /** Staff see more than paid members (the desk's links, the commentary form), even those who also pay. */
    @Test
    void freeMembersAndStaffAreNeverSentAPageFromMemory() {
        WebSession free = WebSession.loggedIn(port, newMember().email(), DEMO_PASSWORD);
        WebSession editor = startTrial(accounts.createVerified("fast-editor-" + UUID.randomUUID() + "@example.com",
                DEMO_PASSWORD, "編集 会員", Set.of(Role.EDITOR)));
        WebSession expert = startTrial(accounts.createVerified("fast-expert-" + UUID.randomUUID() + "@example.com",
                DEMO_PASSWORD, "識者 会員", Set.of(Role.EXPERT)));
        free.get("/articles/" + OTHER_PAID); // the month's allowance
        double before = fromMemory();
        for (int i = 0; i < 3; i++) {
            assertThat(Jsoup.parse(free.get("/articles/" + PAID_ARTICLE).body()).select("aside.paywall")).isNotEmpty();
            assertThat(editor.get("/articles/" + PAID_ARTICLE).body()).contains(lastWords(PAID_ARTICLE)).contains("/editor");
            assertThat(expert.get("/articles/" + PAID_ARTICLE).body()).contains(lastWords(PAID_ARTICLE));
        }
        assertThat(fromMemory()).isEqualTo(before);
    }

    /** A browser restoring five tabs of articles at once, before anything is kept and after. */
    @Test
    void fiveTabsOfOneMemberAtOnce() throws Exception {
        WebSession member = startTrial(newMember());
        List<String> paths = List.of("/articles/" + PAID_ARTICLE, "/articles/" + FIGURE_ARTICLE,
                "/articles/" + PAID_ARTICLE, "/articles/" + FIGURE_ARTICLE, "/articles/" + PAID_ARTICLE);
        for (int round = 0; round < 3; round++) {
            List<HttpResponse<String>> pages = atOnce(paths.stream()
                    .<Callable<HttpResponse<String>>>map(path -> () -> member.get(path)).toList());
            for (int i = 0; i < pages.size(); i++) {
                HttpResponse<String> page = pages.get(i);
                assertThat(page.statusCode()).isEqualTo(200);
                String id = paths.get(i).substring("/articles/".length());
                assertThat(page.body()).contains(lastWords(id));
                assertThat(Jsoup.parse(page.body()).select("input[name=_csrf]")).isNotEmpty();
            }
        }
        Document page = Jsoup.parse(member.get("/articles/" + FIGURE_ARTICLE).body());
        Element follow = page.selectFirst(".article-topics form.follow-form");
        assertThat(post(member, follow).statusCode()).isBetween(200, 399);
        List<HttpResponse<String>> after = atOnce(List.of(() -> member.get("/articles/" + FIGURE_ARTICLE),
                () -> member.get("/articles/" + FIGURE_ARTICLE), () -> member.get("/articles/" + FIGURE_ARTICLE),
                () -> member.get("/articles/" + FIGURE_ARTICLE), () -> member.get("/articles/" + FIGURE_ARTICLE)));
        for (HttpResponse<String> tab : after) {
            assertThat(Jsoup.parse(tab.body()).selectFirst(".article-topics form.follow-form[data-follow=\""
                    + follow.attr("data-follow") + "\"] button").attr("aria-pressed")).isEqualTo("true");
        }
    }

    // --- helpers

    private WebSession paidMember() {
        return startTrial(newMember());
    }

    private Member newMember() {
        return accounts.createVerified("fast-" + UUID.randomUUID() + "@example.com", DEMO_PASSWORD, "速読 会員", Set.of());
    }

    private WebSession startTrial(Member member) {
        assertThat(trials.start(member.id(), trials.openCampaigns().getFirst().code())).isEqualTo(Trials.Outcome.STARTED);
        return WebSession.loggedIn(port, member.email(), DEMO_PASSWORD);
    }

    /** The session with its page of the paid article sent from memory once: the fast path knows it. */
    private WebSession warmed(WebSession session) {
        assertThat(fromMemory(session, "/articles/" + PAID_ARTICLE).body()).contains(lastWords(PAID_ARTICLE));
        return session;
    }

    /**
     * The page, once it comes from memory: tests running beside this one (AccessMatrixTest runs
     * concurrently) may drop the kept pages with their writes, so a few tries.
     */
    private HttpResponse<String> fromMemory(WebSession session, String path) {
        for (int tries = 0; tries < 5; tries++) {
            double before = fromMemory();
            HttpResponse<String> page = session.get(path);
            if (fromMemory() > before) {
                return page;
            }
        }
        throw new AssertionError(path + " was never sent from memory");
    }

    /**
     * A member who lost paid access is a free member: the month's one paid article in full is
     * theirs. They spend it on another article; this one then shows the preview.
     */
    private void assertPreviewOnlyOnceTheAllowanceIsSpent(WebSession session) {
        assertThat(session.get("/articles/" + OTHER_PAID).statusCode()).isEqualTo(200);
        assertPreviewOnly(session.get("/articles/" + PAID_ARTICLE));
    }

    private void assertPreviewOnly(HttpResponse<String> answer) {
        assertThat(answer.body()).doesNotContain(lastWords(PAID_ARTICLE));
    }

    private double fromMemory() {
        return meters.counter("kawaraban.site.member-pages.from-memory").count();
    }

    /** Posts a form of a page as the browser would: its fields, its token. */
    private static HttpResponse<String> post(WebSession session, Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
        return session.post(form.attr("action"), fields);
    }

    private static String withoutTokens(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"…\"");
    }

    private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        try (ExecutorService tabs = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> task : tasks) {
                running.add(tabs.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get());
            }
            return results;
        }
    }

    /** The closing words of the article's last paragraph: present only when the whole body is. */
    private String lastWords(String id) {
        List<Block> blocks = catalog.get(id).content().body().blocks();
        String last = blocks.reversed().stream().filter(b -> b instanceof Block.Paragraph)
                .map(b -> ((Block.Paragraph) b).text()).findFirst().orElseThrow();
        return last.substring(Math.max(0, last.length() - 25));
    }
}
