package jp.kawaraban.newsletter;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestMail;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.PageRequest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Newsletter sign-up over real HTTP with the mail on GreenMail: double opt-in by a button (not
 * by opening the link), answers that keep an address's privacy, one-click unsubscribe, the
 * manage page from a signed link, the article box and the account page — and bad inputs.
 */
@KawarabanTest
class NewsletterSignUpTest {

    private static final String FIVE = "five-today";
    private static final String WEEKLY = "weekly";

    @LocalServerPort
    int port;
    @Autowired
    Newsletters newsletters;
    @Autowired
    ArticleCatalog catalog;

    @Test
    void anAddressIsSubscribedOnlyWhenTheButtonBehindTheMailedLinkIsPressed() {
        String email = unique();
        var reader = new WebSession(port);
        HttpResponse<String> answer = signUp(reader, email, FIVE);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(notice(answer.body())).startsWith("確認メールをお送りしました");
        assertThat(state(email, FIVE)).isEqualTo(SubscriptionState.PENDING);

        String link = reader.local(TestMail.link(email, "/newsletters/confirm"));
        assertThat(TestMail.latestText(email)).contains("今日読みたい5本").contains("会員登録", "破棄");
        // A mail scanner opening the link subscribes nobody.
        assertThat(reader.get(link).statusCode()).isEqualTo(200);
        assertThat(reader.get(link).statusCode()).isEqualTo(200);
        assertThat(state(email, FIVE)).isEqualTo(SubscriptionState.PENDING);
        Document confirm = reader.page(link);
        assertThat(confirm.select("form[action=/newsletters/confirm] button").text()).isEqualTo("登録を完了する");
        String token = confirm.selectFirst("input[name=token]").val();
        HttpResponse<String> done = reader.submit(link, "/newsletters/confirm", Map.of("token", token));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("「今日読みたい5本」の登録が完了しました");
        assertThat(state(email, FIVE)).isEqualTo(SubscriptionState.CONFIRMED);
        assertThat(newsletters.consentTrail(email, FIVE)).containsExactly("REQUESTED", "CONFIRMED");

        HttpResponse<String> again = reader.submit("/newsletters", "/newsletters/confirm", Map.of("token", token));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("このリンクは無効か、有効期限が切れています");
    }

    @Test
    void aSubscribedAddressGetsTheSameAnswerAsANewOneUnlessItsOwnerIsLoggedIn() {
        String subscribed = subscribedAddress(FIVE);
        String fresh = unique();
        var stranger = new WebSession(port);
        HttpResponse<String> forFresh = signUp(stranger, fresh, FIVE);
        HttpResponse<String> forSubscribed = signUp(stranger, subscribed, FIVE);
        assertThat(forSubscribed.statusCode()).isEqualTo(forFresh.statusCode()).isEqualTo(200);
        assertThat(notice(forSubscribed.body())).isEqualTo(notice(forFresh.body()));
        assertThat(TestMail.latestText(subscribed)).contains("すでにお届けしています").contains("/newsletters/manage?token=");
        assertThat(state(subscribed, FIVE)).isEqualTo(SubscriptionState.CONFIRMED);

        // A stranger's sign-up changes nothing for an address that had stopped the newsletter.
        newsletters.stop(subscribed, FIVE, "test", "127.0.0.1");
        signUp(stranger, subscribed, FIVE);
        assertThat(state(subscribed, FIVE)).isEqualTo(SubscriptionState.UNSUBSCRIBED);

        // The logged-in owner is told plainly.
        var owner = WebSession.loggedIn(port, "paid@example.com", KawarabanTest.DEMO_PASSWORD);
        confirmByMail(owner, signUp(owner, "paid@example.com", WEEKLY), "paid@example.com");
        HttpResponse<String> ownAnswer = signUp(owner, "paid@example.com", WEEKLY);
        assertThat(notice(ownAnswer.body())).isEqualTo("このメールマガジンはすでにお届けしています。");
    }

    @Test
    void badSignUpsAreRefusedWithAClearAnswerAndStoreNothing() {
        var reader = new WebSession(port);
        String email = unique();
        HttpResponse<String> invalid = signUp(reader, "not-an-address", FIVE);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(notice(invalid.body())).contains("メールアドレスの形式が正しくありません");
        HttpResponse<String> none = reader.submit("/newsletters", "/newsletters/signup", Map.of("email", email));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(notice(none.body())).contains("受け取るメールマガジンを選んでください");
        assertThat(signUp(reader, email, "no-such-letter").statusCode()).isEqualTo(400);
        assertThat(reader.post("/newsletters/signup", Map.of("email", email, "newsletter", FIVE)).statusCode())
                .as("a form without the CSRF token").isEqualTo(403);
        assertThat(state(email, FIVE)).isNull();
        assertThat(TestMail.to(email)).isEmpty();

        assertThat(reader.get("/newsletters/confirm?token=forged").statusCode()).isEqualTo(400);
        assertThat(reader.get("/newsletters/unsubscribe?token=forged").statusCode()).isEqualTo(400);
        assertThat(reader.get("/newsletters/manage?token=").statusCode()).isEqualTo(400);
        assertThat(reader.get("/newsletters/no-such-letter").statusCode()).isEqualTo(404);
    }

    @Test
    void oneAddressGetsOnlyAFewConfirmationMailsAnHour() {
        var reader = new WebSession(port);
        String email = unique();
        for (int i = 0; i < 3; i++) {
            assertThat(signUp(reader, email, FIVE).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> fourth = signUp(reader, email, FIVE);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(notice(fourth.body())).contains("しばらくしてから");
        assertThat(TestMail.to(email)).hasSize(3);
    }

    @Test
    void oneClickUnsubscribeNeedsOnlyTheSignedLinkAndNoSession() {
        String email = subscribedAddress(FIVE);
        String link = new WebSession(port).local(newsletters.unsubscribeUrl(email, FIVE));
        var mailProgram = new WebSession(port);
        HttpResponse<String> tampered = mailProgram.post(link.replace("token=", "token=x"),
                Map.of("List-Unsubscribe", "One-Click"));
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(state(email, FIVE)).isEqualTo(SubscriptionState.CONFIRMED);

        HttpResponse<String> done = mailProgram.post(link, Map.of("List-Unsubscribe", "One-Click"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(state(email, FIVE)).isEqualTo(SubscriptionState.UNSUBSCRIBED);
        assertThat(mailProgram.post(link, Map.of("List-Unsubscribe", "One-Click")).statusCode()).isEqualTo(200);
        assertThat(newsletters.consentTrail(email, FIVE)).containsExactly("REQUESTED", "CONFIRMED", "UNSUBSCRIBED");

        // Opened in a browser instead, the link shows a button first.
        String other = subscribedAddress(WEEKLY);
        String browserLink = mailProgram.local(newsletters.unsubscribeUrl(other, WEEKLY));
        Document page = mailProgram.page(browserLink);
        assertThat(page.select("form[action=/newsletters/unsubscribe] button").text()).isEqualTo("配信を止める");
        assertThat(state(other, WEEKLY)).isEqualTo(SubscriptionState.CONFIRMED);
    }

    @Test
    void theManagePageFromASignedLinkStopsAndStartsNewslettersWithoutLogIn() {
        String email = subscribedAddress(FIVE);
        var reader = new WebSession(port);
        String manage = reader.local(newsletters.manageUrl(email));
        Document page = reader.page(manage);
        assertThat(page.select(".newsletter-state[data-code=five-today]").attr("data-state")).isEqualTo("CONFIRMED");
        assertThat(page.select(".newsletter-state[data-code=weekly]").attr("data-state")).isEqualTo("NONE");
        String token = page.selectFirst("input[name=token]").val();

        HttpResponse<String> stop = reader.submit(manage, "/newsletters/manage",
                Map.of("token", token, "newsletter", FIVE, "action", "stop"));
        assertThat(stop.statusCode()).isEqualTo(200);
        assertThat(state(email, FIVE)).isEqualTo(SubscriptionState.UNSUBSCRIBED);
        HttpResponse<String> start = reader.submit(manage, "/newsletters/manage",
                Map.of("token", token, "newsletter", WEEKLY, "action", "start"));
        assertThat(notice(start.body())).startsWith("確認メールをお送りしました");
        assertThat(TestMail.latestText(email)).contains("週末のまとめ読み");

        String otherAddress = unique();
        String forged = manage.replaceFirst("token=[^.]+", "token=" + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("m:" + otherAddress).getBytes()));
        assertThat(reader.get(forged).statusCode()).isEqualTo(400);
    }

    @Test
    void anonymousReadersFindTheBoxUnderTheArticleAndItsFormRecordsWhereTheySignedUp() {
        String article = catalog.latest(new PageRequest(1, 1)).items().getFirst().id().value();
        var reader = new WebSession(port);
        Document page = reader.page("/articles/" + article);
        var box = page.selectFirst(".newsletter-box");
        assertThat(box).isNotNull();
        assertThat(box.text()).contains("ほかの目的", "アカウントは作られません", "いつでも");
        assertThat(page.select("input[name=_csrf]")).as("the cacheable article page carries no token").isEmpty();
        assertThat(box.selectFirst("[hx-get]").attr("hx-get")).isEqualTo("/newsletters/box?article=" + article);

        String email = unique();
        HttpResponse<String> boxForm = reader.get("/newsletters/box?article=" + article);
        Document fragment = Jsoup.parse(boxForm.body());
        assertThat(fragment.selectFirst("input[name=source]").val()).isEqualTo("article");
        HttpResponse<String> answer = reader.submit("/newsletters/box?article=" + article, "/newsletters/signup",
                Map.of("email", email, "newsletter", FIVE, "source", "article", "article", article));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(state(email, FIVE)).isEqualTo(SubscriptionState.PENDING);

        var member = WebSession.loggedIn(port, "free@example.com", KawarabanTest.DEMO_PASSWORD);
        assertThat(member.page("/articles/" + article).select(".newsletter-box")).isEmpty();
    }

    @Test
    void membersManageTheirNewslettersOnTheAccountPage() {
        var member = WebSession.loggedIn(port, "trial@example.com", KawarabanTest.DEMO_PASSWORD);
        Document account = member.page("/my/account");
        assertThat(account.select("#newsletters")).hasSize(1);
        HttpResponse<String> start = member.submit("/my/account", "/my/account/newsletters",
                Map.of("newsletter", FIVE, "action", "start"));
        assertThat(start.statusCode()).isEqualTo(302);
        String link = member.local(TestMail.link("trial@example.com", "/newsletters/confirm"));
        String token = member.page(link).selectFirst("input[name=token]").val();
        member.submit(link, "/newsletters/confirm", Map.of("token", token));
        assertThat(member.page("/my/account").select(".newsletter-state[data-code=five-today]").attr("data-state"))
                .isEqualTo("CONFIRMED");
        member.submit("/my/account", "/my/account/newsletters", Map.of("newsletter", FIVE, "action", "stop"));
        assertThat(state("trial@example.com", FIVE)).isEqualTo(SubscriptionState.UNSUBSCRIBED);
        assertThat(new WebSession(port).post("/my/account/newsletters", Map.of("newsletter", FIVE, "action", "stop"))
                .statusCode()).as("anonymous, without token").isIn(302, 401, 403);
    }

    // --- helpers -------------------------------------------------------------------

    private HttpResponse<String> signUp(WebSession session, String email, String newsletter) {
        return session.submit("/newsletters", "/newsletters/signup", Map.of("email", email, "newsletter", newsletter));
    }

    private String subscribedAddress(String newsletter) {
        String email = unique();
        var reader = new WebSession(port);
        confirmByMail(reader, signUp(reader, email, newsletter), email);
        assertThat(state(email, newsletter)).isEqualTo(SubscriptionState.CONFIRMED);
        return email;
    }

    private void confirmByMail(WebSession session, HttpResponse<String> signUp, String email) {
        assertThat(signUp.statusCode()).isEqualTo(200);
        String link = session.local(TestMail.link(email, "/newsletters/confirm"));
        String token = session.page(link).selectFirst("input[name=token]").val();
        assertThat(session.submit(link, "/newsletters/confirm", Map.of("token", token)).statusCode()).isEqualTo(200);
    }

    private SubscriptionState state(String email, String newsletter) {
        return newsletters.subscriptionsOf(email).entries().stream()
                .filter(e -> e.newsletter().code().equals(newsletter)).findFirst().orElseThrow().state();
    }

    private static String notice(String html) {
        var notice = Jsoup.parse(html).selectFirst(".notice");
        return notice == null ? "" : notice.text();
    }

    private static String unique() {
        return "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }
}
