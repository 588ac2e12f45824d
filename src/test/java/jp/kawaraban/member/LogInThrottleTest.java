package jp.kawaraban.member;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestClock;
import jp.kawaraban.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed log-ins slow down the client that guesses, never the account's owner elsewhere
 * (decision 0021), over real HTTP. Each {@link WebSession} is a client address of its own
 * (through the loopback proxy's {@code X-Forwarded-For}). Default settings: three free
 * failures per account and address, then 5 s, doubled each time; 30 failures per address;
 * 100 per account.
 */
@KawarabanTest
class LogInThrottleTest {

    private static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    TestClock clock;

    @Test
    void wrongPasswordsFromOneAddressSlowThatAddressOnlyWithGrowingWaits() {
        Member member = member();
        var guesser = new WebSession(port);
        for (int i = 1; i <= 3; i++) {
            assertThat(location(logIn(guesser, member.email(), "guess-number-" + i))).endsWith("/login?failed");
        }
        // The fourth failure makes this address wait 5 s for this account, the fifth 10 s.
        assertThat(location(logIn(guesser, member.email(), "guess-number-4"))).endsWith("/login?failed");
        assertWaits(logIn(guesser, member.email(), "guess-number-5"), 5);
        clock.advance(Duration.ofSeconds(5));
        assertThat(location(logIn(guesser, member.email(), "guess-number-5"))).endsWith("/login?failed");

        // The owner, from another address, logs in at once.
        assertThat(location(logIn(new WebSession(port), member.email(), PASSWORD))).endsWith("/my/account");

        // From the guessing address even the right password waits, unchecked, and the page says how long.
        HttpResponse<String> refused = logIn(guesser, member.email(), PASSWORD);
        int wait = assertWaits(refused, 10);
        assertThat(guesser.page(location(refused).replaceFirst("^https?://[^/]+", "")).selectFirst(".notice").text())
                .contains("ログインの失敗が続いたため").contains("あと" + wait + "秒");
        clock.advance(Duration.ofSeconds(10));
        assertThat(location(logIn(guesser, member.email(), "guess-number-6"))).endsWith("/login?failed");
        assertWaits(logIn(guesser, member.email(), PASSWORD), 20);
        clock.advance(Duration.ofSeconds(20));
        assertThat(location(logIn(guesser, member.email(), "guess-number-7"))).endsWith("/login?failed");
        assertWaits(logIn(guesser, member.email(), PASSWORD), 40);

        // After the wait, the right password logs in and the pair starts again from nothing.
        clock.advance(Duration.ofSeconds(40));
        assertThat(location(logIn(guesser, member.email(), PASSWORD))).endsWith("/my/account");
        for (int i = 1; i <= 4; i++) {
            assertThat(location(logIn(guesser, member.email(), "typo-" + i))).as("failure " + i).endsWith("/login?failed");
        }
    }

    @Test
    void oneAddressTryingManyAccountsWaitsButNobodyElseDoes() {
        Member member = member();
        var sprayer = new WebSession(port);
        for (int i = 1; i <= 31; i++) {
            assertThat(location(logIn(sprayer, unknownEmail(), "password-" + i))).as("failure " + i).endsWith("/login?failed");
        }
        // The 31st failure of the address made it wait, whatever account it tries next.
        assertWaits(logIn(sprayer, member.email(), PASSWORD), 5);
        assertThat(location(logIn(new WebSession(port), member.email(), PASSWORD))).endsWith("/my/account");
    }

    @Test
    void aGuessSpreadOverManyAddressesLosesItsFreeTriesButTheOwnerIsNotSlowed() {
        Member member = member();
        for (int i = 1; i <= 100; i++) {
            assertThat(location(logIn(new WebSession(port), member.email(), "spread-" + i))).endsWith("/login?failed");
        }
        // Now a new address waits after its first failure on this account instead of its fourth.
        var next = new WebSession(port);
        assertThat(location(logIn(next, member.email(), "spread-101"))).endsWith("/login?failed");
        assertWaits(logIn(next, member.email(), "spread-102"), 5);
        // The owner's address has not failed: it is let through and logs in.
        assertThat(location(logIn(new WebSession(port), member.email(), PASSWORD))).endsWith("/my/account");
    }

    /**
     * Refused unchecked, told to wait {@code seconds} (rounded up) from the failure that set
     * the wait; a busy machine may have spent up to two of them between the two requests.
     */
    private static int assertWaits(HttpResponse<String> answer, int seconds) {
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(location(answer)).matches(".*/login\\?wait=[0-9]+$");
        int wait = Integer.parseInt(location(answer).replaceFirst(".*wait=", ""));
        assertThat(wait).isBetween(seconds - 2, seconds);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue(String.valueOf(wait));
        return wait;
    }

    private static HttpResponse<String> logIn(WebSession client, String email, String password) {
        return client.submit("/login", "/login", Map.of("email", email, "password", password));
    }

    private static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("(no redirect: " + answer.statusCode() + ")");
    }

    private Member member() {
        return accounts.createVerified(unknownEmail(), PASSWORD, "テスト 会員", Set.of());
    }

    private static String unknownEmail() {
        return "login-" + UUID.randomUUID() + "@example.com";
    }
}
