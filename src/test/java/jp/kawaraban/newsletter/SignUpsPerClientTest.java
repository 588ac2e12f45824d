package jp.kawaraban.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestMail;
import jp.kawaraban.WebSession;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One client (IP address) may sign up only so many different addresses per hour: a machine
 * cannot make the site mail confirmation requests to a long list of strangers. The test
 * application's limit is three ({@link KawarabanTest#SIGN_UPS_PER_CLIENT}); each
 * {@link WebSession} is a client of its own, so other tests' sign-ups do not count here.
 */
@KawarabanTest
class SignUpsPerClientTest {

    @LocalServerPort
    int port;
    @Autowired
    Newsletters newsletters;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFourthDifferentAddressFromOneClientWithinTheHourIsRefusedAndNothingIsStored() {
        assertThat(KawarabanTest.SIGN_UPS_PER_CLIENT).isEqualTo(3);
        var reader = new WebSession(port);
        List<String> first = List.of(unique(), unique(), unique());
        for (String email : first) {
            assertThat(signUp(reader, email).statusCode()).as(email).isEqualTo(200);
        }

        String fourth = unique();
        HttpResponse<String> refused = signUp(reader, fourth);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(refused.body()).selectFirst(".notice").text())
                .isEqualTo("この接続から短い間に多くのアドレスの登録がありました。しばらくしてからもう一度お試しください。");
        assertThat(TestMail.to(fourth)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM newsletter_consent WHERE email = ?").param(fourth)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM newsletter_subscription WHERE email = ?").param(fourth)
                .query(Integer.class).single()).isZero();

        // an address this client already asked for may be asked for again (its own limit applies)
        assertThat(signUp(reader, first.getFirst()).statusCode()).isEqualTo(200);
        // and another client is not held back by this one
        assertThat(newsletters.signUp(new SignUp(fourth, List.of("five-today"), "page", "同意の文言", null, "203.0.113.9")))
                .isEqualTo(SignUpOutcome.SENT);
        assertThat(TestMail.to(fourth)).hasSize(1);
    }

    private static HttpResponse<String> signUp(WebSession session, String email) {
        return session.submit("/newsletters", "/newsletters/signup", Map.of("email", email, "newsletter", "five-today"));
    }

    private static String unique() {
        return "client-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }
}
