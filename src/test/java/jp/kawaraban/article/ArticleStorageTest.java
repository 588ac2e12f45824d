package jp.kawaraban.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import jp.kawaraban.KawarabanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Storing articles in PostgreSQL: what is saved comes back whole, and bad input saves nothing. */
@KawarabanTest
class ArticleStorageTest {

    @Autowired
    ArticleDesk desk;
    @Autowired
    ArticleCatalog catalog;
    @LocalServerPort
    int port;

    @Test
    void aPublishedArticleComesBackWithEveryFieldAndAppearsInTheNewsSitemap() throws Exception {
        ArticleContent content = new ArticleContent("テスト用の見出し", "副見出し", "リードの文章。",
                ArticleMarkup.parse("本文の段落。\n\n## 小見出し\n\n- 項目A\n- 項目B", file -> file),
                List.of("経済部 試験太郎", "政治部 試験花子"), "business", "keizai-no-me", List.of("試験", "保存"),
                AccessLevel.PAID, new SourceOutlet("北洋通信", URI.create("https://hokuyo-tsushin.example/a/1")),
                false, List.of());

        ArticleId id = desk.publish(content);

        Article stored = catalog.get(id.value());
        assertThat(stored.content()).isEqualTo(content);
        assertThat(stored.section().name()).isEqualTo("経済");
        assertThat(stored.series().name()).isEqualTo("経済の目");
        assertThat(stored.updatedAt()).isNull();
        assertThat(catalog.withKeyword("保存", new PageRequest(1, 10)).items())
                .extracting(ArticleSummary::id).containsExactly(id);

        String sitemap = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sitemap.xml")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(sitemap).contains("<loc>http://localhost:" + port + "/articles/" + id.value()
                + "</loc>").contains("<news:title>テスト用の見出し</news:title>");
    }

    @Test
    void anUpdateKeepsTheEarlierVersionAndAWithdrawnArticleIsGoneForReaders() {
        ArticleContent first = simple("最初の見出し");
        ArticleId id = desk.publish(first);
        desk.update(id, simple("直した見出し"), Instant.parse("2030-01-01T00:00:00Z"), "見出しを直しました。");

        assertThat(catalog.get(id.value()).headline()).isEqualTo("直した見出し");
        assertThat(catalog.revisions(id.value())).extracting(r -> r.content().headline())
                .containsExactly("最初の見出し", "直した見出し");

        desk.withdraw(id);
        assertThat(catalog.find(id.value())).isEmpty();
        assertThatThrownBy(() -> desk.withdraw(id)).isInstanceOf(WrongStatusException.class)
                .hasMessageContaining("WITHDRAWN");
        assertThat(desk.forEditing(id)).get().extracting(EditedArticle::status).isEqualTo(ArticleStatus.WITHDRAWN);
        assertThatThrownBy(() -> desk.update(id, simple("撤回後の見出し"), Instant.parse("2030-01-02T00:00:00Z"), null))
                .isInstanceOf(ArticleNotFoundException.class);
    }

    @Test
    void anArticleInAnUnknownSectionIsRefusedAndNothingIsStored() {
        long before = catalog.latest(new PageRequest(1, 1)).total();
        ArticleContent lost = new ArticleContent("迷子の記事", null, "リード。", ArticleMarkup.parse("本文。", f -> f),
                List.of("記者"), "no-such-section", null, List.of(), AccessLevel.FREE, null, false, List.of());

        assertThatThrownBy(() -> desk.publish(lost)).hasMessageContaining("no-such-section");
        assertThat(catalog.latest(new PageRequest(1, 1)).total()).isEqualTo(before);
    }

    @Test
    void anArticleWithoutHeadlineOrBylineCannotEvenBeWritten() {
        Body body = ArticleMarkup.parse("本文。", f -> f);
        assertThatThrownBy(() -> new ArticleContent(" ", null, "リード。", body, List.of("記者"), "world", null,
                List.of(), AccessLevel.FREE, null, false, List.of())).hasMessageContaining("headline");
        assertThatThrownBy(() -> new ArticleContent("見出し", null, "リード。", body, List.of(" "), "world", null,
                List.of(), AccessLevel.FREE, null, false, List.of())).hasMessageContaining("byline");
    }

    @Test
    void aPartnerLinkThatIsNotHttpIsRefused() {
        assertThatThrownBy(() -> new SourceOutlet("北洋通信", URI.create("javascript:alert(1)")))
                .hasMessageContaining("http or https");
    }

    private static ArticleContent simple(String headline) {
        return new ArticleContent(headline, null, "リード。", ArticleMarkup.parse("本文。", f -> f), List.of("社会部 記者"),
                "society", null, List.of(), AccessLevel.FREE, null, false, List.of());
    }
}
