package jp.kawaraban.access;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
import jp.kawaraban.access.internal.AccessRepository;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A free member's monthly allowance (one paid article in tests, as by default) holds when the
 * member opens several paid articles at the same moment — five tabs restored at once — with
 * one session: one article opens in full, the others show the paywall, and one is counted.
 */
@KawarabanTest
class AllowanceRaceTest {

    private static final List<String> PAID = List.of("business-column-regional-banks", "business-column-yen-and-households",
            "business-misaki-chigusa-bank-merger", "kaled-strait-shipping-detour", "society-kasumigahara-lodging-tax");

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    AccessRepository meter;
    @Autowired
    java.time.Clock clock;

    /** The meter itself, as many page views reach it at once: 20 members, 8 articles each at the same moment. */
    @Test
    void theMeterCountsAMembersMonthOnceHoweverManyAskAtOnce() throws Exception {
        String month = "2099-01";
        ExecutorService views = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                Member member = accounts.createVerified("meter-" + UUID.randomUUID() + "@example.com",
                        "password-" + UUID.randomUUID(), "同時 計数", Set.of());
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> opened = new java.util.ArrayList<>();
                for (int article = 0; article < 8; article++) {
                    String id = "race" + round + "x" + article;
                    opened.add(views.submit(() -> {
                        start.await();
                        return meter.open(member.id(), month, id, 1, Instant.now(clock));
                    }));
                }
                start.countDown();
                int granted = 0;
                for (Future<Boolean> one : opened) {
                    granted += one.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(granted).as("articles granted, round " + round).isEqualTo(1);
                assertThat(meter.openedCount(member.id(), month)).as("rows, round " + round).isEqualTo(1);
            }
        } finally {
            views.shutdownNow();
        }
    }

    @Test
    void fivePaidArticlesOpenedAtOnceUseTheAllowanceOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            String password = "password-" + UUID.randomUUID();
            Member member = accounts.createVerified("tabs-" + UUID.randomUUID() + "@example.com", password,
                    "同時 開封", Set.of());
            WebSession reader = WebSession.loggedIn(port, member.email(), password);
            assertThat(reader.get("/").statusCode()).isEqualTo(200); // the session exists before the tabs open

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService tabs = Executors.newFixedThreadPool(PAID.size());
            try {
                List<Future<HttpResponse<String>>> answers = PAID.stream()
                        .map(slug -> tabs.submit((Callable<HttpResponse<String>>) () -> {
                            start.await();
                            return reader.get("/articles/" + ArticleId.derivedFrom("demo:" + slug).value());
                        })).toList();
                start.countDown(); // all five tabs ask at the same moment
                int full = 0;
                for (Future<HttpResponse<String>> answer : answers) {
                    assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                    if (!answer.get().body().contains("class=\"paywall\"")) {
                        full++;
                    }
                }
                assertThat(full).as("articles opened in full, round " + round).isEqualTo(1);
            } finally {
                tabs.shutdownNow();
            }
            String month = DateTimeFormatter.ofPattern("yyyy-MM").format(Instant.now(clock).atZone(ZoneId.of("Asia/Tokyo")));
            assertThat(meter.openedCount(member.id(), month)).as("allowance rows, round " + round).isEqualTo(1);
        }
    }
}
