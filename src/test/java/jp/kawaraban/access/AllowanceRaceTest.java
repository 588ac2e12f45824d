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
 * member spends it from several tabs at the same moment with one session: one article opens in
 * full, the others are refused, and one is counted. The allowance is spent by the paywall's
 * confirmation (a POST), never by opening an article (decision 0035).
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

    /**
     * Five tabs, each on a different paid article, press 「今月の無料枠を使って読む」 at the same
     * moment with one session: one is let through to its article, the four others are refused,
     * and one allowance is counted. Opening the five first spends nothing.
     */
    @Test
    void fivePaidArticlesConfirmedAtOnceUseTheAllowanceOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            String password = "password-" + UUID.randomUUID();
            Member member = accounts.createVerified("tabs-" + UUID.randomUUID() + "@example.com", password,
                    "同時 開封", Set.of());
            WebSession reader = WebSession.loggedIn(port, member.email(), password);
            // The five tabs are open: each shows the paywall and its button; nothing is spent yet.
            String csrf = null;
            for (String slug : PAID) {
                var page = reader.page(path(slug));
                assertThat(page.select("aside.paywall button.use-allowance")).as(slug).hasSize(1);
                csrf = page.selectFirst("aside.paywall input[name=_csrf]").val();
            }
            assertThat(meter.openedCount(member.id(), month())).isZero();

            String token = csrf;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService tabs = Executors.newFixedThreadPool(PAID.size());
            try {
                List<Future<HttpResponse<String>>> answers = PAID.stream()
                        .map(slug -> tabs.submit((Callable<HttpResponse<String>>) () -> {
                            start.await();
                            return reader.post(path(slug) + "/allowance", java.util.Map.of("_csrf", token));
                        })).toList();
                start.countDown(); // all five buttons pressed at the same moment
                int letThrough = 0;
                int refused = 0;
                for (Future<HttpResponse<String>> answer : answers) {
                    int status = answer.get(60, TimeUnit.SECONDS).statusCode();
                    letThrough += status == 302 ? 1 : 0;
                    refused += status == 403 ? 1 : 0;
                }
                assertThat(letThrough).as("confirmations let through, round " + round).isEqualTo(1);
                assertThat(refused).as("confirmations refused, round " + round).isEqualTo(PAID.size() - 1);
            } finally {
                tabs.shutdownNow();
            }
            assertThat(meter.openedCount(member.id(), month())).as("allowance rows, round " + round).isEqualTo(1);
            long full = PAID.stream().filter(slug -> reader.page(path(slug)).select("aside.paywall").isEmpty()).count();
            assertThat(full).as("articles readable in full afterwards, round " + round).isEqualTo(1);
        }
    }

    /** One article confirmed from five tabs at once: all five get it, one allowance is spent. */
    @Test
    void oneArticleConfirmedFromFiveTabsAtOnceIsCountedOnce() throws Exception {
        String password = "password-" + UUID.randomUUID();
        Member member = accounts.createVerified("same-" + UUID.randomUUID() + "@example.com", password,
                "同時 確認", Set.of());
        WebSession reader = WebSession.loggedIn(port, member.email(), password);
        String token = reader.page(path(PAID.getFirst())).selectFirst("aside.paywall input[name=_csrf]").val();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService tabs = Executors.newFixedThreadPool(5);
        try {
            List<Future<HttpResponse<String>>> answers = java.util.stream.IntStream.range(0, 5)
                    .mapToObj(tab -> tabs.submit((Callable<HttpResponse<String>>) () -> {
                        start.await();
                        return reader.post(path(PAID.getFirst()) + "/allowance", java.util.Map.of("_csrf", token));
                    })).toList();
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(302);
            }
        } finally {
            tabs.shutdownNow();
        }
        assertThat(meter.openedCount(member.id(), month())).isEqualTo(1);
    }

    private static String path(String slug) {
        return "/articles/" + ArticleId.derivedFrom("demo:" + slug).value();
    }

    private String month() {
        return DateTimeFormatter.ofPattern("yyyy-MM").format(Instant.now(clock).atZone(ZoneId.of("Asia/Tokyo")));
    }
}
