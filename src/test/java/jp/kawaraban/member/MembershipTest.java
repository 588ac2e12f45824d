package jp.kawaraban.member;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestMail;
import jp.kawaraban.WebSession;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Accounts over real HTTP: sign-up with the mailed link (GreenMail), log-in (its throttle: LogInThrottleTest),
 * password reset, change of email, devices, export and deletion — and the bad inputs.
 */
@KawarabanTest
class MembershipTest {

    private static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JsonMapper json;

    @Test
    void signUpNeedsTheMailedLinkBeforeLogIn() {
        String email = unique();
        var reader = new WebSession(port);
        HttpResponse<String> signUp = reader.submit("/signup", "/signup", Map.of("name", "読者 一郎", "email", email, "password", PASSWORD));
        assertThat(signUp.statusCode()).isEqualTo(200);
        assertThat(signUp.body()).contains("確認メールを " + email + " にお送りしました");

        HttpResponse<String> early = reader.submit("/login", "/login", Map.of("email", email, "password", PASSWORD));
        assertThat(early.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?unverified"));

        String link = reader.local(TestMail.link(email, "/signup/verify"));
        // Opening the link (as a mail scanner would) uses nothing up: the button does.
        assertThat(reader.get(link).statusCode()).isEqualTo(200);
        Document confirm = reader.page(link);
        assertThat(confirm.select("form[action=/signup/verify] button").text()).isEqualTo("確認を完了する");
        String token = confirm.selectFirst("input[name=token]").val();
        // The button confirms the address and logs the reader in on this browser.
        HttpResponse<String> verified = reader.submit(link, "/signup/verify", Map.of("token", token));
        assertThat(verified.statusCode()).isEqualTo(302);
        assertThat(verified.headers().firstValue("Location").orElseThrow()).endsWith("/my/account?verified");
        assertThat(reader.page("/my/account?verified").selectFirst(".notice").text()).contains("メールアドレスを確認し、ログインしました");
        HttpResponse<String> again = new WebSession(port).submit("/login", "/signup/verify", Map.of("token", token));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("このリンクは無効か、有効期限が切れています");

        var member = WebSession.loggedIn(port, email, PASSWORD);
        Document account = member.page("/my/account");
        assertThat(account.selectFirst(".member-name").text()).isEqualTo("読者 一郎");
        assertThat(account.selectFirst(".plan").attr("data-plan")).isEqualTo("FREE");
        assertThat(account.selectFirst(".allowance").text()).contains("あと 1 本");
    }

    @Test
    void signingUpWithARegisteredAddressAnswersAlikeAndTellsOnlyTheOwner() {
        var stranger = new WebSession(port);
        String fresh = unique();
        String newAnswer = stranger.submit("/signup", "/signup", Map.of("name", "新規", "email", fresh, "password", PASSWORD)).body();
        HttpResponse<String> existing = stranger.submit("/signup", "/signup",
                Map.of("name", "なりすまし", "email", "free@example.com", "password", PASSWORD));
        assertThat(existing.statusCode()).isEqualTo(200);
        assertThat(notice(existing.body())).isEqualTo(notice(newAnswer).replace(fresh, "free@example.com"));
        await().untilAsserted(() -> assertThat(TestMail.latestText("free@example.com")).contains("すでに登録済みです"));
        assertThat(accounts.findByEmail("free@example.com").orElseThrow().displayName()).isEqualTo("無料 会員");
    }

    @Test
    void badSignUpsAreRefusedInJapaneseAndStoreNothing() {
        var reader = new WebSession(port);
        String email = unique();
        assertRefused(reader.submit("/signup", "/signup", Map.of("name", "読者", "email", "not-an-address", "password", PASSWORD)),
                "メールアドレスの形式が正しくありません");
        assertRefused(reader.submit("/signup", "/signup", Map.of("name", "読者", "email", email, "password", "short")),
                "パスワードは10文字以上128文字以下");
        assertRefused(reader.submit("/signup", "/signup", Map.of("name", " ", "email", email, "password", PASSWORD)),
                "お名前は1文字以上40文字以下");
        assertThat(accounts.findByEmail(email)).isEmpty();
        assertThat(reader.post("/signup", Map.of("name", "読者", "email", email, "password", PASSWORD)).statusCode())
                .as("a form without the CSRF token").isEqualTo(403);
        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @Test
    void aFailedLogInSaysTheSameForUnknownAddressesAndWrongPasswords() {
        var reader = new WebSession(port);
        String unknown = reader.submit("/login", "/login", Map.of("email", unique(), "password", PASSWORD))
                .headers().firstValue("Location").orElseThrow();
        String wrong = reader.submit("/login", "/login", Map.of("email", "paid@example.com", "password", "wrong-password-1"))
                .headers().firstValue("Location").orElseThrow();
        assertThat(unknown).isEqualTo(wrong).endsWith("/login?failed");
        assertThat(reader.page("/login?failed").selectFirst(".notice").text())
                .isEqualTo("メールアドレスまたはパスワードが正しくありません。");
    }

    @Test
    void resetByMailedLinkSetsTheNewPasswordAndLogsOutEverywhere() {
        Member member = verifiedMember();
        var other = WebSession.loggedIn(port, member.email(), PASSWORD);
        var reader = new WebSession(port);
        String unknownAnswer = notice(reader.submit("/password/forgot", "/password/forgot", Map.of("email", unique())).body());
        String knownAnswer = notice(reader.submit("/password/forgot", "/password/forgot", Map.of("email", member.email())).body());
        assertThat(knownAnswer).isEqualTo(unknownAnswer).contains("再設定用のリンクをお送りしました");

        String link = reader.local(TestMail.link(member.email(), "/password/reset"));
        String token = reader.page(link).selectFirst("input[name=token]").val();
        HttpResponse<String> weak = reader.submit(link, "/password/reset", Map.of("token", token, "password", "short"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("パスワードは10文字以上");
        HttpResponse<String> done = reader.submit(link, "/password/reset", Map.of("token", token, "password", "a-brand-new-password"));
        assertThat(done.body()).contains("パスワードを変更しました");

        assertThat(other.get("/my/account").statusCode()).as("the other device is logged out").isEqualTo(302);
        assertThat(new WebSession(port).submit("/login", "/login", Map.of("email", member.email(), "password", PASSWORD))
                .headers().firstValue("Location").orElseThrow()).endsWith("/login?failed");
        WebSession.loggedIn(port, member.email(), "a-brand-new-password");
        assertThat(reader.get(link).statusCode()).as("the link works once").isEqualTo(400);
    }

    @Test
    void changingTheEmailTakesEffectWhenTheNewAddressConfirms() {
        Member member = verifiedMember();
        var session = WebSession.loggedIn(port, member.email(), PASSWORD);
        String newEmail = unique();
        HttpResponse<String> wrong = session.submit("/my/account", "/my/account/email", Map.of("email", newEmail, "password", "not-my-password"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("現在のパスワードが正しくありません");
        HttpResponse<String> taken = session.submit("/my/account", "/my/account/email", Map.of("email", "not an address", "password", PASSWORD));
        assertThat(taken.body()).contains("メールアドレスの形式が正しくありません");

        assertThat(session.submit("/my/account", "/my/account/email", Map.of("email", newEmail, "password", PASSWORD))
                .headers().firstValue("Location").orElseThrow()).endsWith("/my/account?changeEmailSent");
        assertThat(accounts.find(member.id()).orElseThrow().email()).as("not before the confirmation").isEqualTo(member.email());
        String link = session.local(TestMail.link(newEmail, "/my/account/email/confirm"));
        String token = session.page(link).selectFirst("input[name=token]").val();
        session.submit(link, "/my/account/email/confirm", Map.of("token", token));
        assertThat(accounts.find(member.id()).orElseThrow().email()).isEqualTo(newEmail);
        assertThat(session.page("/my/account").selectFirst(".email").text()).isEqualTo(newEmail);
        WebSession.loggedIn(port, newEmail, PASSWORD);
        await().untilAsserted(() -> assertThat(TestMail.latestText(member.email()))
                .as("the old address is told, with where to turn if it was not the owner")
                .contains("メールアドレスを " + newEmail + " に変更しました").contains("/about/contact"));
    }

    @Test
    void theAccountPageListsDevicesAndLogsOneOut() {
        Member member = verifiedMember();
        var phone = WebSession.loggedIn(port, member.email(), PASSWORD);
        var laptop = WebSession.loggedIn(port, member.email(), PASSWORD);
        Document page = laptop.page("/my/account");
        assertThat(page.select(".devices .device")).hasSize(2);
        assertThat(page.select(".devices .this-device")).hasSize(1);
        String phoneHandle = page.selectFirst(".devices form input[name=device]").val();
        laptop.submit("/my/account", "/my/account/devices/logout", Map.of("device", phoneHandle));
        assertThat(phone.get("/my/account").statusCode()).isEqualTo(302);
        assertThat(laptop.get("/my/account").statusCode()).isEqualTo(200);
        assertThat(laptop.page("/my/account").select(".devices .device")).hasSize(1);

        laptop.submit("/my/account", "/my/account/logout-everywhere", Map.of());
        assertThat(laptop.get("/my/account").statusCode()).isEqualTo(302);
    }

    @Test
    void aMemberDownloadsTheirDataThenDeletesTheAccount() throws Exception {
        Member member = verifiedMember();
        var session = WebSession.loggedIn(port, member.email(), PASSWORD);
        HttpResponse<String> export = session.get("/my/account/export.json");
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        JsonNode data = json.readTree(export.body());
        assertThat(data.get("account").get("email").asString()).isEqualTo(member.email());
        assertThat(data.has("access")).isTrue();
        assertThat(data.has("billing")).isTrue();

        HttpResponse<String> refused = session.submit("/my/account", "/my/account/delete", Map.of("password", "not-my-password"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(accounts.find(member.id())).isPresent();
        HttpResponse<String> deleted = session.submit("/my/account", "/my/account/delete", Map.of("password", PASSWORD));
        assertThat(deleted.body()).contains("退会の手続きが完了しました");
        assertThat(accounts.find(member.id())).isEmpty();
        assertThat(new WebSession(port).submit("/login", "/login", Map.of("email", member.email(), "password", PASSWORD))
                .headers().firstValue("Location").orElseThrow()).endsWith("/login?failed");
    }

    @Test
    void sessionCookiesAreHttpOnlyAndSameSiteAndLogInGoesBackOnlyWithinTheSite() {
        Member member = verifiedMember();
        var reader = new WebSession(port);
        HttpResponse<String> answer = reader.submit("/login", "/login",
                Map.of("email", member.email(), "password", PASSWORD, "remember", "true", "next", "//evil.example/"));
        assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("evil").endsWith("/my/account");
        assertThat(answer.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("KAWARABAN_SESSION=").contains("HttpOnly").contains("SameSite=Lax"))
                .anySatisfy(c -> assertThat(c).startsWith("KAWARABAN_REMEMBER=").contains("HttpOnly"));
        var back = new WebSession(port).submit("/login", "/login",
                Map.of("email", member.email(), "password", PASSWORD, "next", "/articles/abc"));
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/articles/abc");
        assertThat(new WebSession(port).get("/my/account").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void logInGivesTheBrowserANewSessionId() {
        Member member = verifiedMember();
        var reader = new WebSession(port);
        String before = sessionCookie(reader.get("/login"));
        assertThat(before).as("the log-in form's CSRF token opens a session").isNotNull();
        var login = reader.submit("/login", "/login", Map.of("email", member.email(), "password", PASSWORD));
        assertThat(sessionCookie(login)).isNotNull().isNotEqualTo(before);
    }

    @Test
    void passwordResetMailsAreLimitedPerAccount() {
        Member member = verifiedMember();
        var reader = new WebSession(port);
        for (int i = 0; i < 3; i++) {
            assertThat(reader.submit("/password/forgot", "/password/forgot", Map.of("email", member.email())).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> fourth = reader.submit("/password/forgot", "/password/forgot", Map.of("email", member.email()));
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.body()).contains("時間をおいてからお試しください");
        await().untilAsserted(() -> assertThat(TestMail.to(member.email())).hasSize(3));
    }

    private static String sessionCookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("KAWARABAN_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }

    private Member verifiedMember() {
        return accounts.createVerified(unique(), PASSWORD, "テスト 会員", java.util.Set.of());
    }

    private static String unique() {
        return "reader-" + UUID.randomUUID() + "@example.com";
    }

    private static String notice(String html) {
        return org.jsoup.Jsoup.parse(html).select(".notice").text();
    }

    private static void assertRefused(HttpResponse<String> answer, String message) {
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(org.jsoup.Jsoup.parse(answer.body()).selectFirst(".notice-error").text()).contains(message);
    }
}
