package jp.kawaraban.access;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestMail;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * From an article's paywall to the same article in full, over HTTP (decision 0035): the
 * article is carried through sign-up, the verification mail and the trial; the return address
 * is a path on this site only; offers that no longer apply are not made; a free member's
 * monthly article is spent by its button and the API's unlock, never by reading.
 */
@KawarabanTest
class PaywallToReadingTest {

    private static final String PAID = ArticleId.derivedFrom("demo:riyadh-talks-analysis").value();
    private static final String OTHER_PAID = ArticleId.derivedFrom("demo:kaled-strait-shipping-detour").value();
    /** Marked for the email unlock by the demo data. */
    private static final String UNLOCKABLE = ArticleId.derivedFrom("demo:business-column-yen-and-households").value();
    private static final String ARTICLE_PATH = "/articles/" + PAID;
    private static final String NEXT = "next=%2Farticles%2F" + PAID;

    /** Return addresses that lead off the site, or are not paths: each must be dropped. */
    private static final List<String> ELSEWHERE = List.of("//evil.example", "https://evil.example", "/\\evil.example",
            "\\\\evil.example", "/\\/evil.example", "javascript:alert(1)", "evil.example", "/\t/evil.example",
            "/articles/x\r\nSet-Cookie: a=b", "http:/evil.example", "/{evil}");

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    ArticleCatalog catalog;

    @Test
    void aNewReaderSignsUpFromThePaywallStartsTheTrialAndIsBackOnTheArticleInFull() {
        String email = "paywall-" + UUID.randomUUID() + "@example.com";
        WebSession reader = new WebSession(port);
        Document paywall = reader.page(ARTICLE_PATH);
        String signUp = paywall.selectFirst("aside.paywall a.trial").attr("href");
        assertThat(signUp).isEqualTo("/signup?" + NEXT);

        Document form = reader.page(signUp);
        assertThat(form.selectFirst("input[name=next]").val()).isEqualTo(ARTICLE_PATH);
        assertThat(form.text()).contains("読んでいた記事に戻ります");
        HttpResponse<String> sent = reader.submit(signUp, "/signup", Map.of("name", "ペイウォール 読者", "email", email,
                "password", DEMO_PASSWORD, "next", ARTICLE_PATH));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("読んでいた記事に戻ります");

        String link = reader.local(TestMail.link(email, "/signup/verify"));
        assertThat(link).endsWith("&" + NEXT);
        Document confirm = reader.page(link);
        assertThat(confirm.selectFirst("form[action=/signup/verify] button").text()).isEqualTo("確認して記事に戻る");
        HttpResponse<String> verified = reader.submit(link, "/signup/verify", Map.of(
                "token", confirm.selectFirst("input[name=token]").val(), "next", ARTICLE_PATH));
        assertThat(verified.statusCode()).isEqualTo(302);
        assertThat(verified.headers().firstValue("Location").orElseThrow()).endsWith(ARTICLE_PATH);

        // Back on the article, logged in: the box now starts the trial (and offers this month's free article).
        Document article = reader.page(ARTICLE_PATH);
        assertThat(article.select("header.masthead a.account-link")).isNotEmpty();
        assertThat(article.select("aside.paywall button.use-allowance")).hasSize(1);
        var trial = article.selectFirst("aside.paywall form.paywall-trial-form");
        assertThat(trial.selectFirst("input[name=next]").val()).isEqualTo(ARTICLE_PATH);
        HttpResponse<String> started = reader.submit(ARTICLE_PATH, "/plans/trial", Map.of(
                "campaign", trial.selectFirst("input[name=campaign]").val(), "next", ARTICLE_PATH));
        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith(ARTICLE_PATH);

        Document full = reader.page(ARTICLE_PATH);
        assertThat(full.select("aside.paywall")).isEmpty();
        assertThat(full.html()).contains(lastWords(PAID));
        // The trial is not offered again, anywhere.
        assertThat(reader.page("/plans").select(".campaign form, .campaign a.button")).isEmpty();
        assertThat(reader.page("/my/account").select(".trial, form[action=/plans/trial]")).isEmpty();
    }

    @Test
    void theLogInPageSaysWhyItIsAskedAndReturnsToTheArticle() {
        Member member = accounts.createVerified("why-" + UUID.randomUUID() + "@example.com", DEMO_PASSWORD, "理由 会員", Set.of());
        WebSession reader = new WebSession(port);
        String login = reader.page(ARTICLE_PATH).selectFirst("aside.paywall a.login").attr("href");
        Document page = reader.page(login);
        assertThat(page.selectFirst(".notice").text()).startsWith("記事の続きを読むにはログインしてください");
        assertThat(page.select("a[href=\"/signup?" + NEXT + "\"]")).as("the sign-up link keeps the article").hasSize(1);
        HttpResponse<String> in = reader.submit(login, "/login", Map.of("email", member.email(), "password", DEMO_PASSWORD,
                "next", ARTICLE_PATH));
        assertThat(in.headers().firstValue("Location").orElseThrow()).endsWith(ARTICLE_PATH);
    }

    @Test
    void aReturnAddressOffTheSiteIsDroppedEverywhere() {
        Member member = accounts.createVerified("redirect-" + UUID.randomUUID() + "@example.com", DEMO_PASSWORD,
                "転送 会員", Set.of());
        for (String elsewhere : ELSEWHERE) {
            String query = "?next=" + java.net.URLEncoder.encode(elsewhere, java.nio.charset.StandardCharsets.UTF_8);
            WebSession reader = new WebSession(port);
            assertThat(reader.page("/login" + query).select("input[name=next]")).as("log-in form, " + elsewhere).isEmpty();
            assertThat(reader.page("/signup" + query).select("input[name=next]")).as("sign-up form, " + elsewhere).isEmpty();
            HttpResponse<String> in = reader.submit("/login", "/login", Map.of("email", member.email(),
                    "password", DEMO_PASSWORD, "next", elsewhere));
            assertThat(in.headers().firstValue("Location").orElseThrow()).as("after log-in, " + elsewhere)
                    .startsWith("http://localhost:" + port + "/").doesNotContain("evil");
            HttpResponse<String> trial = reader.submit("/plans", "/plans/trial", Map.of("campaign", "no-such-campaign",
                    "next", elsewhere));
            assertThat(trial.headers().firstValue("Location")).as("after a trial, " + elsewhere).isEmpty();
        }
        // A trial started with a return address off the site stays on the plans page.
        Member trying = accounts.createVerified("redirect-trial-" + UUID.randomUUID() + "@example.com", DEMO_PASSWORD,
                "転送 体験", Set.of());
        WebSession trial = WebSession.loggedIn(port, trying.email(), DEMO_PASSWORD);
        String campaign = trial.page("/plans").selectFirst(".campaign input[name=campaign]").val();
        HttpResponse<String> started = trial.submit("/plans", "/plans/trial", Map.of("campaign", campaign, "next", "//evil.example"));
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).contains("無料体験を始めました");
        // The mail's link: a sign-up with a return address off the site mails a link without one.
        String email = "redirect-mail-" + UUID.randomUUID() + "@example.com";
        WebSession stranger = new WebSession(port);
        stranger.submit("/signup", "/signup", Map.of("name", "転送 読者", "email", email, "password", DEMO_PASSWORD,
                "next", "//evil.example/articles/x"));
        String link = stranger.local(TestMail.link(email, "/signup/verify"));
        assertThat(link).doesNotContain("next").doesNotContain("evil");
        // And a link edited by hand to carry one leads to the account page, not there.
        Document confirm = stranger.page(link + "&next=%2F%2Fevil.example");
        assertThat(confirm.select("input[name=next]")).isEmpty();
        HttpResponse<String> verified = stranger.submit(link, "/signup/verify", Map.of(
                "token", confirm.selectFirst("input[name=token]").val(), "next", "https://evil.example"));
        assertThat(verified.headers().firstValue("Location").orElseThrow()).endsWith("/my/account?verified");
    }

    @Test
    void thePaywallOffersTheEmailUnlockWhereTheArticleHasIt() {
        WebSession anonymous = new WebSession(port);
        Document unlockable = anonymous.page("/articles/" + UNLOCKABLE);
        assertThat(unlockable.selectFirst("aside.paywall a.paywall-unlock-link").attr("href"))
                .isEqualTo("/newsletters?article=" + UNLOCKABLE);
        assertThat(anonymous.page(ARTICLE_PATH).select("aside.paywall .paywall-unlock")).as("not marked for it").isEmpty();
    }

    @Test
    void theApiAsksAFreeMemberToUnlockExplicitlyAndSaysWhyNotInJapanese() {
        WebSession anonymous = new WebSession(port);
        String anonymousToken = anonymous.page("/login").selectFirst("input[name=_csrf]").val();
        HttpResponse<String> notLoggedIn = anonymous.postJson("/api/v1/articles/" + PAID + "/unlock", "{}",
                Map.of("X-CSRF-TOKEN", anonymousToken));
        assertThat(notLoggedIn.statusCode()).isEqualTo(403);
        assertThat(notLoggedIn.body()).contains("\"refusal\":\"LOG_IN\"");

        Member member = accounts.createVerified("api-" + UUID.randomUUID() + "@example.com", DEMO_PASSWORD, "API 会員", Set.of());
        WebSession free = WebSession.loggedIn(port, member.email(), DEMO_PASSWORD);
        String token = free.page("/my/account").selectFirst("input[name=_csrf]").val();
        assertThat(free.get("/api/v1/articles/" + PAID).body()).contains("\"previewOnly\":true");
        HttpResponse<String> unlocked = free.postJson("/api/v1/articles/" + PAID + "/unlock", "{}", Map.of("X-CSRF-TOKEN", token));
        assertThat(unlocked.statusCode()).isEqualTo(200);
        assertThat(unlocked.body()).contains("\"previewOnly\":false").contains("\"allowance\":{\"left\":0,\"unlock\":null}")
                .contains(lastWords(PAID));
        assertThat(free.postJson("/api/v1/articles/" + PAID + "/unlock", "{}", Map.of("X-CSRF-TOKEN", token)).statusCode())
                .as("the same article again spends nothing more").isEqualTo(200);
        HttpResponse<String> spent = free.postJson("/api/v1/articles/" + OTHER_PAID + "/unlock", "{}", Map.of("X-CSRF-TOKEN", token));
        assertThat(spent.statusCode()).isEqualTo(403);
        assertThat(spent.body()).contains("\"refusal\":\"ALLOWANCE_USED\"").contains("今月の無料枠").doesNotContain(lastWords(OTHER_PAID));
        assertThat(free.get("/api/v1/articles/" + OTHER_PAID).body()).contains("\"allowance\":{\"left\":0,\"unlock\":null}");
    }

    @Test
    void aPaidMemberIsOfferedNoTrial() {
        WebSession paid = WebSession.loggedIn(port, "paid@example.com", DEMO_PASSWORD);
        assertThat(paid.page("/plans").select(".campaign")).isEmpty();
        WebSession anonymous = new WebSession(port);
        assertThat(anonymous.page("/plans").select(".campaign")).as("anonymous readers see the open campaigns").isNotEmpty();
    }

    @Test
    void anAnonymousReaderStartsATrialFromThePlansPageBySigningUpAndComingBack() {
        WebSession anonymous = new WebSession(port);
        Element campaign = anonymous.page("/plans").selectFirst(".campaign");
        String start = campaign.selectFirst("a.button.primary").attr("href");
        assertThat(start).as("a new reader needs an account first, not a log-in").isEqualTo("/signup?next=/plans");
        assertThat(campaign.select("a[href='/login?next=/plans']")).as("members are offered the log-in beside it").isNotEmpty();
        Document signUp = anonymous.page(start);
        assertThat(signUp.select("input[name=next]").eachAttr("value")).as("the sign-up form carries the way back")
                .contains("/plans");
        assertThat(signUp.text()).as("it promises the page the reader came from, not an article")
                .contains("元のページに戻ります").doesNotContain("読んでいた記事");
    }

    private String lastWords(String id) {
        List<Block> blocks = catalog.get(id).content().body().blocks();
        String last = blocks.reversed().stream().filter(b -> b instanceof Block.Paragraph)
                .map(b -> ((Block.Paragraph) b).text()).findFirst().orElseThrow();
        return last.substring(Math.max(0, last.length() - 25));
    }
}
