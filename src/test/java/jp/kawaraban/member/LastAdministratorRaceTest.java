package jp.kawaraban.member;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.platform.Audited;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators removing each other at the same moment, through real concurrent HTTP
 * requests: each round, six administrators each revoke the next one's role at once (a ring).
 * Every request counts the others before changing anything; without the lock they all count
 * six and the site is left without an administrator. With it, exactly one stays (the others
 * are refused by the rule, or by the security chain once their own role is gone).
 */
@KawarabanTest
class LastAdministratorRaceTest {

    private static final String PASSWORD = "race-admin-pass-1";
    private static final int ADMINS = 6;
    private static final int ROUNDS = 2;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Staff staff;

    @Test
    void administratorsRevokingEachOtherAtOnceLeaveExactlyOne() throws Exception {
        var test = new Audited.Actor("test", "テスト");
        List<Member> others = staff.list().stream().map(StaffMember::member).filter(m -> m.has(Role.ADMIN)).toList();
        List<Member> setAside = new ArrayList<>();
        Member leftover = null;
        ExecutorService pool = Executors.newFixedThreadPool(ADMINS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Member> ring = new ArrayList<>();
                List<WebSession> sessions = new ArrayList<>();
                List<String> tokens = new ArrayList<>();
                for (int i = 0; i < ADMINS; i++) {
                    Member admin = accounts.createVerified("race-" + UUID.randomUUID() + "@example.com", PASSWORD,
                            "管理者 " + i, Set.of(Role.ADMIN));
                    WebSession session = WebSession.loggedIn(port, admin.email(), PASSWORD);
                    Document page = session.page("/admin/staff");
                    ring.add(admin);
                    sessions.add(session);
                    tokens.add(page.selectFirst("input[name=_csrf]").val());
                }
                // Only this round's administrators may count: the others (the demo's, other tests', the
                // last round's survivor) step aside meanwhile, which they may now that the ring exists.
                if (round == 0) {
                    others.forEach(other -> {
                        staff.revoke(test, other.id(), Role.ADMIN);
                        setAside.add(other);
                    });
                } else {
                    staff.revoke(test, leftover.id(), Role.ADMIN);
                }
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < ADMINS; i++) {
                    WebSession session = sessions.get(i);
                    String token = tokens.get(i);
                    Member next = ring.get((i + 1) % ADMINS);
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                        return session.post("/admin/staff/" + next.id() + "/revoke", Map.of("_csrf", token, "role", "ADMIN"));
                    }, pool));
                }
                start.countDown();
                long revoked = answers.stream().map(CompletableFuture::join).filter(a -> a.statusCode() == 302).count();
                // The one not revoked was refused: by the rule (409), or already without the role when it came (403).
                long refused = answers.stream().map(CompletableFuture::join)
                        .filter(a -> a.statusCode() == 409 || a.statusCode() == 403).count();
                long left = ring.stream().filter(m -> accounts.find(m.id()).orElseThrow().has(Role.ADMIN)).count();
                assertThat(left).as("administrators left after round " + round).isEqualTo(1);
                assertThat(revoked).isEqualTo(ADMINS - 1);
                assertThat(refused).isEqualTo(1);
                leftover = ring.stream().filter(m -> accounts.find(m.id()).orElseThrow().has(Role.ADMIN)).findFirst().orElseThrow();
            }
        } finally {
            pool.shutdownNow();
            setAside.forEach(other -> staff.grant(test, other.id(), Role.ADMIN));
            if (leftover != null && !setAside.isEmpty()) {
                staff.revoke(test, leftover.id(), Role.ADMIN);
            }
        }
    }
}
