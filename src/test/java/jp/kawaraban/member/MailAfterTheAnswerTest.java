package jp.kawaraban.member;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestMail;
import jp.kawaraban.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Password reset, sign-up and change of email answer a registered address exactly as an
 * unknown one, by the same path: the mail work (looking the account up, making the link,
 * sending) happens after the answer (decision 0021). To see that the answer does not wait
 * for that work, the test holds a lock on the table of mailed links, which every such mail
 * needs and nothing else on the request's path does: the answers still come, byte for byte
 * alike but for the CSRF tokens, and the mails arrive once the lock is let go.
 */
@KawarabanTest
class MailAfterTheAnswerTest {

    private static final String PASSWORD = "correct-horse-battery";
    /** Far longer than any answer here takes; an answer that waits for the mail work waits for the lock. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    DataSource dataSource;

    @Test
    void aResetRequestIsAnsweredAlikeForAnyAddressAndTheMailFollows() throws Exception {
        Member member = member();
        String unknown = unique();
        var reader = new WebSession(port);
        HttpResponse<String> forMember;
        HttpResponse<String> forNobody;
        try (Connection links = lockedLinks()) {
            forMember = submit(reader, "/password/forgot", Map.of("email", member.email()));
            forNobody = submit(reader, "/password/forgot", Map.of("email", unknown));
        }
        assertThat(forMember.statusCode()).isEqualTo(forNobody.statusCode()).isEqualTo(200);
        assertThat(withoutCsrf(forMember.body())).isEqualTo(withoutCsrf(forNobody.body())).contains("再設定用のリンクをお送りしました");

        assertThat(TestMail.link(member.email(), "/password/reset")).contains("token=");
        assertThat(TestMail.to(unknown)).isEmpty();
    }

    @Test
    void aSignUpWithARegisteredAddressIsAnsweredAsANewOneAndOnlyTheMailsDiffer() throws Exception {
        Member member = member();
        String fresh = unique();
        var stranger = new WebSession(port);
        HttpResponse<String> forTaken;
        HttpResponse<String> forFresh;
        try (Connection links = lockedLinks()) {
            forTaken = submit(stranger, "/signup", Map.of("name", "なりすまし", "email", member.email(), "password", PASSWORD));
            forFresh = submit(stranger, "/signup", Map.of("name", "新規 読者", "email", fresh, "password", PASSWORD));
        }
        assertThat(forTaken.statusCode()).isEqualTo(forFresh.statusCode()).isEqualTo(200);
        assertThat(withoutCsrf(forTaken.body()).replace(member.email(), "ADDRESS"))
                .isEqualTo(withoutCsrf(forFresh.body()).replace(fresh, "ADDRESS"));

        assertThat(TestMail.link(fresh, "/signup/verify")).contains("token=");
        await().untilAsserted(() -> assertThat(TestMail.latestText(member.email())).contains("すでに登録済みです"));
        assertThat(accounts.findByEmail(member.email()).orElseThrow().displayName()).isEqualTo("テスト 会員");
    }

    @Test
    void aChangeToATakenAddressIsAnsweredAsAChangeToAFreeOne() throws Exception {
        Member member = member();
        Member other = member();
        String free = unique();
        var session = WebSession.loggedIn(port, member.email(), PASSWORD);
        HttpResponse<String> toTaken;
        HttpResponse<String> toFree;
        try (Connection links = lockedLinks()) {
            toTaken = submit(session, "/my/account", "/my/account/email", Map.of("email", other.email(), "password", PASSWORD));
            toFree = submit(session, "/my/account", "/my/account/email", Map.of("email", free, "password", PASSWORD));
        }
        assertThat(toTaken.statusCode()).isEqualTo(toFree.statusCode()).isEqualTo(302);
        assertThat(toTaken.headers().firstValue("Location")).isEqualTo(toFree.headers().firstValue("Location"));
        assertThat(withoutCsrf(toTaken.body())).isEqualTo(withoutCsrf(toFree.body()));

        assertThat(TestMail.link(free, "/my/account/email/confirm")).contains("token=");
        await().untilAsserted(() -> assertThat(TestMail.latestText(other.email())).contains("/password/forgot"));
        assertThat(accounts.find(member.id()).orElseThrow().email()).isEqualTo(member.email());
    }

    /**
     * A connection holding a lock that lets the mailed links be read but not written, until
     * it is closed: a mail's link cannot be made meanwhile.
     */
    private Connection lockedLinks() throws Exception {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("LOCK TABLE member_token IN SHARE MODE");
        }
        return new LockHolder(connection).connection();
    }

    /** Closing ends the transaction (and so the lock) before the connection goes back to the pool. */
    private record LockHolder(Connection held) {
        Connection connection() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            held.rollback();
                        }
                        return method.invoke(held, args);
                    });
        }
    }

    private static HttpResponse<String> submit(WebSession client, String action, Map<String, String> fields) {
        return submit(client, action, action, fields);
    }

    /** As {@link WebSession#submit}, but giving up when the answer takes longer than {@link #ANSWER_WITHIN}. */
    private static HttpResponse<String> submit(WebSession client, String page, String action, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", client.page(page).selectFirst("input[name=_csrf]").val());
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + action)).timeout(ANSWER_WITHIN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String withoutCsrf(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"");
    }

    private Member member() {
        return accounts.createVerified(unique(), PASSWORD, "テスト 会員", Set.of());
    }

    private static String unique() {
        return "mail-" + UUID.randomUUID() + "@example.com";
    }
}
