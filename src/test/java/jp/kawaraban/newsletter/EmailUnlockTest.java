package jp.kawaraban.newsletter;

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
