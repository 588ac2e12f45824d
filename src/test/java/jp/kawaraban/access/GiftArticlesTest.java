package jp.kawaraban.access;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gift articles (decision 0034) as givers and readers meet them: a paid member's link opens its
 * own paid article in full for anyone, is counted, can be revoked, runs out, and never passes
 * through the anonymous page cache; every bad input is refused with a Japanese reason and
 * nothing stored; the monthly limit holds under parallel requests.
 */
@KawarabanTest
public class GiftArticlesTest {

    static final String PAID_ARTICLE = AccessMatrixTest.PAID_ARTICLE;
    static final String OTHER_PAID = AccessMatrixTest.OTHER_PAID;
    static final String FREE_ARTICLE = AccessMatrixTest.FREE_ARTICLE;
    static final String MEMBERS_ARTICLE = AccessMatrixTest.MEMBERS_ARTICLE;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Trials trials;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    

    @Test
    void aGiftOpensItsArticleInFullForAnyoneCountsReadersOnceAndCanBeRevoked() throws Exception {
        Giver giver = paidGiver();
        // An anonymous reader's page of the article is in the page cache first: the gift must not be answered from it.
        WebSession stranger = new WebSession(port);
        assertThat(stranger.page("/articles/" + PAID_ARTICLE).select("aside.paywall")).hasSize(1);

        JsonNode made = giver.give(PAID_ARTICLE, 201);
        String link = giver.session().local(made.get("url").asText());
        assertThat(link).startsWith("/articles/" + PAID_ARTICLE + "?gift=");
        assertThat(made.get("expiresAt").asText()).isNotBlank();

        HttpResponse<String> opened = stranger.get(link);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains(lastWords(PAID_ARTICLE)).doesNotContain("class=\"paywall\"");
        assertThat(opened.headers().firstValue("Cache-Control").orElseThrow()).contains("private").contains("no-store");
        Document page = org.jsoup.Jsoup.parse(opened.body());
        assertThat(page.selectFirst(".gift-note.gift-open").text()).contains("プレゼント").contains("まで全文");
        assertThat(page.select(".gift-note a").eachAttr("href")).contains("/signup", "/plans");
        // The plain address stays the paywall: the full page was not kept for everyone.
        assertThat(new WebSession(port).page("/articles/" + PAID_ARTICLE).select("aside.paywall")).hasSize(1);

        stranger.get(link); // the same reader again within the window: still one open
        new WebSession(port).get(link); // another reader
        Document mine = giver.session().page("/my/gifts");
        assertThat(mine.selectFirst(".gift[data-article-id=" + PAID_ARTICLE + "] .gift-opens").text()).contains("2回");
        assertThat(giver.session().page("/articles/" + PAID_ARTICLE).selectFirst(".gifts-given").text())
                .contains("プレゼント1件・開封2回");
        var account = giver.session().page("/my/account").selectFirst(".account-gifts");
        assertThat(account.text()).contains("今月あと9本");
        assertThat(account.select("a").attr("href")).isEqualTo("/my/gifts");

        String giftId = made.get("id").asText();
        HttpResponse<String> revoked = giver.session().submit("/my/gifts", "/my/gifts/revoke", Map.of("gift", giftId));
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(giver.session().page("/my/gifts").selectFirst(".gift[data-gift-id=" + giftId + "] .gift-state").text())
                .isEqualTo("取り消し済み");
        assertPaywallSaying(stranger.page(link), PAID_ARTICLE, "取り消した");
    }

    @Test
    void aGiftOpensOnlyItsOwnArticleOnlyOnItsPagesAndOnlyUntilItExpires() throws Exception {
        Giver giver = paidGiver();
        String link = giver.session().local(giver.give(PAID_ARTICLE, 201).get("url").asText());
        String token = link.substring(link.indexOf("?gift=") + 6);
        WebSession reader = new WebSession(port);

        assertPaywallSaying(reader.page("/articles/" + OTHER_PAID + "?gift=" + token), OTHER_PAID, "別の記事");
        assertPaywallSaying(reader.page("/articles/" + PAID_ARTICLE + "?gift=not-a-real-token"), PAID_ARTICLE, "正しくない");
        assertThat(reader.page("/articles/" + PAID_ARTICLE + "?gift=" + "x".repeat(5000)).select("aside.paywall")).hasSize(1);

        assertThat(reader.get("/api/v1/articles/" + PAID_ARTICLE + "?gift=" + token).body())
                .as("the API is not a gift's page").doesNotContain(lastWords(PAID_ARTICLE));
        assertThat(reader.get(link.replace("?gift=", "/print?gift=")).body()).contains(lastWords(PAID_ARTICLE));

        jdbc.sql("UPDATE access_gift SET created_at = ?, expires_at = ? WHERE token_hash = ?")
                .params(Timestamp.from(clock.instant().minusSeconds(8 * 86400)),
                        Timestamp.from(clock.instant().minusSeconds(86400)), sha256(token)).update();
        assertPaywallSaying(reader.page(link), PAID_ARTICLE, "有効期限");
    }

    @Test
    void aGiftOfAnArticleNoLongerPublishedSaysSo() throws Exception {
        Giver giver = paidGiver();
        String gone = ArticleId.random().value();
        String token = "withdrawn-" + UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO access_gift (id, token_hash, giver_id, article_id, month, created_at, expires_at)
                        VALUES (?, ?, ?, ?, '2099-01', now(), now() + interval '1 day')""")
                .params(UUID.randomUUID(), sha256(token), giver.member().id().value(), gone).update();
        HttpResponse<String> answer = new WebSession(port).get("/articles/" + gone + "?gift=" + token);
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(org.jsoup.Jsoup.parse(answer.body()).selectFirst(".refusal-message").text()).contains("掲載を終了");
        assertThat(giver.session().page("/my/gifts").selectFirst(".gift[data-article-id=" + gone + "] .gift-state").text())
                .isEqualTo("記事の掲載終了");
    }

    @Test
    void badGiftsAreRefusedWithAReasonAndUseNothing() throws Exception {
        Giver giver = paidGiver();
        assertThat(problem(giver.give(FREE_ARTICLE, 400))).isEqualTo("NOT_A_PAID_ARTICLE");
        assertThat(giver.give(FREE_ARTICLE, 400).get("detail").asText()).contains("プレゼントの必要はありません");
        assertThat(problem(giver.give(MEMBERS_ARTICLE, 400))).isEqualTo("NOT_A_PAID_ARTICLE");
        assertThat(problem(giver.give("zzzzzzzzzzzz", 404))).isEqualTo("NO_SUCH_ARTICLE");
        assertThat(problem(giver.give("../etc", 404))).isEqualTo("NO_SUCH_ARTICLE");
        HttpResponse<String> noBody = giver.session().postJson("/api/v1/my/gifts", "{}", giver.csrf());
        assertThat(noBody.statusCode()).isEqualTo(404);
        assertThat(giver.session().page("/my/gifts").selectFirst(".gifts-left").text()).contains("今月あと10本");

        HttpResponse<String> onPage = giver.session().submit("/my/gifts", "/my/gifts", Map.of("articleId", FREE_ARTICLE));
        assertThat(onPage.statusCode()).isEqualTo(400);
        assertThat(org.jsoup.Jsoup.parse(onPage.body()).selectFirst(".notice-error").text()).contains("プレゼントの必要はありません");
        HttpResponse<String> strangersGift = giver.session().submit("/my/gifts", "/my/gifts/revoke",
                Map.of("gift", UUID.randomUUID().toString()));
        assertThat(strangersGift.statusCode()).isEqualTo(404);
        assertThat(strangersGift.body()).contains("そのプレゼントは見つかりません");

        Member free = accounts.createVerified(unique(), DEMO_PASSWORD, "無料 会員", Set.of());
        Giver freeGiver = new Giver(free, WebSession.loggedIn(port, free.email(), DEMO_PASSWORD));
        JsonNode refused = freeGiver.give(PAID_ARTICLE, 403);
        assertThat(problem(refused)).isEqualTo("NOT_A_PAID_MEMBER");
        assertThat(refused.get("detail").asText()).contains("有料会員");
        assertThat(freeGiver.session().page("/articles/" + OTHER_PAID).select(".gift-button")).as("no offer to a free member").isEmpty();
        assertThat(freeGiver.session().page("/my/account").select(".account-gifts")).isEmpty();

        HttpResponse<String> anonymous = new WebSession(port).postJson("/api/v1/my/gifts",
                "{\"articleId\":\"" + PAID_ARTICLE + "\"}", Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM access_gift WHERE giver_id IN (?, ?)")
                .params(giver.member().id().value(), free.id().value()).query(Integer.class).single()).isZero();
    }

    @Test
    void theMonthlyLimitHoldsWhenFifteenGiftsAreAskedAtOnce() throws Exception {
        Giver giver = paidGiver();
        var page = giver.session().page("/articles/" + PAID_ARTICLE);
        assertThat(page.selectFirst(".gift-offer .gifts-left").text()).isEqualTo("今月あと10本");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(15);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                answers.add(clients.submit((Callable<HttpResponse<String>>) () -> {
                    start.await();
                    return giver.session().postJson("/api/v1/my/gifts", "{\"articleId\":\"" + PAID_ARTICLE + "\"}",
                            giver.csrf());
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS).statusCode());
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(10);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(5);
        JsonNode limit = giver.give(PAID_ARTICLE, 409);
        assertThat(limit.get("detail").asText()).contains("今月のプレゼントは10本すべて使いました");
        var after = giver.session().page("/articles/" + PAID_ARTICLE);
        assertThat(after.selectFirst(".gift-offer .gifts-left").text()).isEqualTo("今月あと0本");
        assertThat(after.selectFirst(".gift-button").hasAttr("disabled")).isTrue();
    }

    // --- helpers

    record Giver(Member member, WebSession session) {
        Map<String, String> csrf() throws Exception {
            JsonNode token = new JsonMapper().readTree(session.get("/api/v1/my/csrf").body());
            return Map.of(token.get("headerName").asText(), token.get("token").asText());
        }

        JsonNode give(String articleId, int expectedStatus) throws Exception {
            HttpResponse<String> answer = session.postJson("/api/v1/my/gifts", "{\"articleId\":\"" + articleId + "\"}", csrf());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expectedStatus);
            return new JsonMapper().readTree(answer.body());
        }
    }

    private Giver paidGiver() {
        Member member = trialMember(accounts, trials);
        return new Giver(member, WebSession.loggedIn(port, member.email(), DEMO_PASSWORD));
    }

    /**
     * A new member in a campaign trial (paid access), with the demo password: a giver of their own,
     * so no other test's gifts count against the month.
     */
    public static Member trialMember(Accounts accounts, Trials trials) {
        Member member = accounts.createVerified(unique(), DEMO_PASSWORD, "贈る 会員", Set.of());
        assertThat(trials.start(member.id(), trials.openCampaigns().getFirst().code())).isEqualTo(Trials.Outcome.STARTED);
        return member;
    }

    /** The paywall, not the article's last words, and the gift note saying why the link did not open it. */
    private void assertPaywallSaying(Document page, String article, String reason) {
        assertThat(page.select("aside.paywall")).hasSize(1);
        assertThat(page.html()).doesNotContain(lastWords(article));
        assertThat(page.selectFirst(".gift-note.gift-refused").text()).contains(reason);
    }

    private static String problem(JsonNode answer) {
        return answer.get("error").asText();
    }

    private String lastWords(String id) {
        List<Block> blocks = catalog.get(id).content().body().blocks();
        String last = blocks.reversed().stream().filter(b -> b instanceof Block.Paragraph)
                .map(b -> ((Block.Paragraph) b).text()).findFirst().orElseThrow();
        return last.substring(Math.max(0, last.length() - 25));
    }

    private static byte[] sha256(String token) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String unique() {
        return "gift-" + UUID.randomUUID() + "@example.com";
    }
}
