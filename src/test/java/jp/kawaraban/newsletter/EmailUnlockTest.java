package jp.kawaraban.newsletter;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestMail;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email unlock over HTTP: an anonymous reader of an eligible paid article signs up, the
 * mailed link (a button behind it) opens that article in full for that browser — and never
 * another article, another browser, a forged or a reused link.
 */
@KawarabanTest
class EmailUnlockTest {

    /** Marked eligible by the demo data. */
    private static final String ELIGIBLE = id("business-column-yen-and-households");
    private static final String OTHER_PAID = id("kaled-strait-shipping-detour");

    @LocalServerPort
    int port;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    EmailUnlocks unlocks;

    @Test
    void signingUpOnAnEligibleArticleMailsALinkThatOpensThatArticleOnlyInThatBrowser() {
        String email = "unlock-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        var reader = new WebSession(port);
        String lastParagraph = lastParagraph(ELIGIBLE);
        assertThat(reader.get("/articles/" + ELIGIBLE).body()).doesNotContain(lastParagraph);

        Document box = Jsoup.parse(reader.get("/newsletters/box?article=" + ELIGIBLE).body());
        assertThat(box.selectFirst(".unlock-note").attr("data-eligible")).isEqualTo("true");
        HttpResponse<String> answer = reader.submit("/newsletters/box?article=" + ELIGIBLE, "/newsletters/signup",
                Map.of("email", email, "newsletter", "five-today", "source", "article", "article", ELIGIBLE));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(answer.body()).selectFirst(".notice").text()).contains("全文お読みいただけるリンク");

        String link = reader.local(TestMail.link(email, "/newsletters/unlock"));
        // A mail scanner opening the link uses nothing up.
        var scanner = new WebSession(port);
        assertThat(scanner.get(link).statusCode()).isEqualTo(200);
        Document button = reader.page(link);
        String token = button.selectFirst("input[name=token]").val();
        HttpResponse<String> used = reader.submit(link, "/newsletters/unlock", Map.of("token", token));
        assertThat(used.statusCode()).isEqualTo(302);
        assertThat(used.headers().firstValue("Location").orElse("")).endsWith("/articles/" + ELIGIBLE);
        String cookie = used.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("KAWARABAN_UNLOCK=", "Path=/articles/" + ELIGIBLE, "HttpOnly");

        HttpResponse<String> opened = reader.get("/articles/" + ELIGIBLE);
        assertThat(opened.body()).contains(lastParagraph);
        assertThat(Jsoup.parse(opened.body()).select("aside.paywall")).isEmpty();
        assertThat(opened.headers().firstValue("Cache-Control").orElse("")).contains("no-store").doesNotContain("public");

        // Never another article, even with the cookie sent there by hand; never another browser.
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        assertThat(unlocks.unlocks(value, new ArticleId(OTHER_PAID))).isFalse();
        assertThat(reader.get("/articles/" + OTHER_PAID).body()).doesNotContain(lastParagraph(OTHER_PAID));
        assertThat(new WebSession(port).get("/articles/" + ELIGIBLE).body()).doesNotContain(lastParagraph);
        assertThat(unlocks.unlocks(value.replace('.', '.') + "x", new ArticleId(ELIGIBLE))).isFalse();

        HttpResponse<String> reused = reader.submit("/newsletters", "/newsletters/unlock", Map.of("token", token));
        assertThat(reused.statusCode()).isEqualTo(400);
    }

    @Test
    void anIneligibleArticleSaysSoAndItsSignUpMailsNoUnlockLink() {
        var reader = new WebSession(port);
        Document box = Jsoup.parse(reader.get("/newsletters/box?article=" + OTHER_PAID).body());
        assertThat(box.selectFirst(".unlock-note").attr("data-eligible")).isEqualTo("false");
        assertThat(box.selectFirst(".unlock-note").text()).contains("対象ではありません");
        String email = "noun-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        reader.submit("/newsletters/box?article=" + OTHER_PAID, "/newsletters/signup",
                Map.of("email", email, "newsletter", "five-today", "source", "article", "article", OTHER_PAID));
        assertThat(TestMail.to(email)).hasSize(1);
        assertThat(TestMail.latestText(email)).doesNotContain("/newsletters/unlock");
        assertThat(unlocks.request(email, new ArticleId(OTHER_PAID))).isEqualTo(EmailUnlocks.Outcome.NOT_ELIGIBLE);
        assertThat(reader.get("/newsletters/unlock?token=forged").statusCode()).isEqualTo(400);
    }

    @Test
    void unmarkingAndMarkingAgainLeavesEarlierUnlocksDeadAndTheApiIsNeverUnlocked() {
        String lastParagraph = lastParagraph(ELIGIBLE);
        var reader = new WebSession(port);
        String cookie = unlockCookie(reader);
        var laterReader = new WebSession(port);
        String unusedLink = mailedUnlockLink(laterReader);
        assertThat(reader.get("/articles/" + ELIGIBLE).body()).contains(lastParagraph);

        // The cookie is for reading the page: sent by hand to the JSON API it opens nothing (decision 0010).
        HttpResponse<String> api = withCookie("/api/v1/articles/" + ELIGIBLE, cookie);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"previewOnly\":true").doesNotContain(lastParagraph);
        assertThat(withCookie("/articles/" + ELIGIBLE, cookie).body()).as("the same cookie by hand on the page")
                .contains(lastParagraph);

        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        for (String eligible : new String[] {"false", "true"}) {
            assertThat(editor.submit("/editor/newsletters", "/editor/newsletters/unlock",
                    Map.of("article", ELIGIBLE, "eligible", eligible)).statusCode()).isEqualTo(200);
        }
        assertThat(unlocks.isEligible(new ArticleId(ELIGIBLE))).isTrue();

        Document page = Jsoup.parse(reader.get("/articles/" + ELIGIBLE).body());
        assertThat(page.select("aside.paywall")).as("the old unlock is over").isNotEmpty();
        assertThat(page.html()).doesNotContain(lastParagraph);
        // A link mailed under the earlier marking gives no cookie either.
        String token = laterReader.page(unusedLink).select("input[name=token]").val();
        HttpResponse<String> late = laterReader.submit("/newsletters", "/newsletters/unlock", Map.of("token", token));
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(EmailUnlocks.COOKIE + "="));
        assertThat(laterReader.get("/articles/" + ELIGIBLE).body()).doesNotContain(lastParagraph);

        // Under the new marking, a new link opens the article again.
        var newReader = new WebSession(port);
        unlockCookie(newReader);
        assertThat(newReader.get("/articles/" + ELIGIBLE).body()).contains(lastParagraph);
    }

    /** Signs up on the eligible article's box, presses the mailed link's button; the cookie's value. */
    private String unlockCookie(WebSession reader) {
        String link = mailedUnlockLink(reader);
        String token = reader.page(link).selectFirst("input[name=token]").val();
        HttpResponse<String> used = reader.submit(link, "/newsletters/unlock", Map.of("token", token));
        assertThat(used.statusCode()).isEqualTo(302);
        String cookie = used.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(EmailUnlocks.COOKIE + "=")).findFirst().orElseThrow();
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    private String mailedUnlockLink(WebSession reader) {
        String email = "unlock-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        reader.submit("/newsletters/box?article=" + ELIGIBLE, "/newsletters/signup",
                Map.of("email", email, "newsletter", "five-today", "source", "article", "article", ELIGIBLE));
        return reader.local(TestMail.link(email, "/newsletters/unlock"));
    }

    /** A request from a client with no cookies of its own, carrying the unlock cookie by hand. */
    private HttpResponse<String> withCookie(String path, String cookie) {
        var client = new WebSession(port);
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + path))
                .header("Cookie", EmailUnlocks.COOKIE + "=" + cookie).GET().build());
    }

    private String lastParagraph(String article) {
        Article found = catalog.get(article);
        String last = null;
        for (Block block : found.content().body().blocks()) {
            if (block instanceof Block.Paragraph paragraph && paragraph.plainText().length() > 15) {
                last = paragraph.plainText().substring(0, 15);
            }
        }
        assertThat(last).isNotNull();
        return last;
    }

    private static String id(String slug) {
        return ArticleId.derivedFrom("demo:" + slug).value();
    }
}
