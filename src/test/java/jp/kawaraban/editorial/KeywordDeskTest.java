package jp.kawaraban.editorial;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import jp.kawaraban.platform.web.PublicUrls;
import jp.kawaraban.search.IndexedArticle;
import jp.kawaraban.search.SearchIndex;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keywords at the desk: renaming one renames it in every article, merging into an existing
 * one keeps each article's keyword once, and readers' keyword pages, the search index, follows and My
 * News follow; bad input changes nothing.
 */
@KawarabanTest
class KeywordDeskTest {

    @LocalServerPort
    int port;
    @Autowired
    ArticleDesk desk;
    @Autowired
    SearchIndex index;

    @Test
    void aKeywordMergedIntoAnotherMovesItsArticlesAndItsFollowers() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String old = "旧い語" + suffix;
        String kept = "新しい語" + suffix;
        ArticleId first = desk.publish(article("港の再開発 " + suffix, List.of(old)));
        ArticleId both = desk.publish(article("駅前の再開発 " + suffix, List.of(kept, old)));
        var editor = WebSession.loggedIn(port, "editor@example.com", DEMO_PASSWORD);
        var paid = WebSession.loggedIn(port, "paid@example.com", DEMO_PASSWORD);
        var reader = new WebSession(port);
        assertThat(paid.submit("/keywords/" + jp.kawaraban.platform.web.PublicUrls.encodePath(old), "/follows",
                Map.of("kind", "keyword", "value", old, "back", "/my/follows")).statusCode()).isEqualTo(302);

        var list = editor.page("/editor/keywords?q=" + suffix);
        assertThat(list.select("tr[data-keyword=\"" + old + "\"] td").eachText()).containsExactly(old, "2");

        HttpResponse<String> merged = editor.submit("/editor/keywords", "/editor/keywords/rename", Map.of("from", old, "to", kept));
        assertThat(merged.statusCode()).isEqualTo(302);
        assertThat(editor.page("/editor/keywords?q=" + suffix).select("tr[data-keyword]").eachAttr("data-keyword"))
                .containsExactly(kept);
        assertThat(desk.forEditing(both).orElseThrow().content().keywords()).containsExactly(kept);
        assertThat(desk.forEditing(first).orElseThrow().content().keywords()).containsExactly(kept);
        assertThat(reader.page("/keywords/" + jp.kawaraban.platform.web.PublicUrls.encodePath(kept)).select("a[href^=/articles/]").eachAttr("href"))
                .contains("/articles/" + first.value(), "/articles/" + both.value());
        assertThat(reader.page("/articles/" + first.value()).select(".article-topics li.topic-keyword a.topic-name").eachText())
                .contains(kept).doesNotContain(old);

        await().until(() -> paid.page("/my/follows").select("li.follow").eachAttr("data-follow").contains("keyword:" + kept));
        assertThat(paid.page("/my/follows").select("li.follow").eachAttr("data-follow")).doesNotContain("keyword:" + old);
        await().until(() -> paid.page("/my/news").select("li.news-item[data-article-id='" + first.value() + "']").size() == 1);
        // the index holds the editors' keywords (with extracted ones) as exact terms, which recommendations share
        for (ArticleId id : List.of(first, both)) {
            await().until(() -> {
                List<String> indexed = index.find(id).map(IndexedArticle::keywords).orElse(List.of());
                return indexed.contains(kept) && !indexed.contains(old);
            });
        }

        assertThat(editor.page("/editor/audit?subject=keyword:" + query(kept)).text())
                .contains("編集 太郎", "キーワードの変更", old + " → " + kept);
        paid.submit("/my/follows", "/follows/remove", Map.of("kind", "keyword", "value", kept));
    }

    @Test
    void badRenamesAreRefusedInJapaneseAndChangeNothing() {
        var editor = WebSession.loggedIn(port, "editor@example.com", DEMO_PASSWORD);
        String kept = "残る語" + UUID.randomUUID().toString().substring(0, 6);
        ArticleId article = desk.publish(article("残る語の記事", List.of(kept)));

        HttpResponse<String> same = editor.submit("/editor/keywords", "/editor/keywords/rename", Map.of("from", kept, "to", kept));
        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(same.body()).select(".notice-error").text()).isEqualTo("新しい名前が今の名前と同じです。");
        HttpResponse<String> blank = editor.submit("/editor/keywords", "/editor/keywords/rename", Map.of("from", kept, "to", " "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(blank.body()).select(".notice-error").text()).contains("キーワードは1〜40文字で入力してください");
        assertThat(Jsoup.parse(blank.body()).select("#k-from").val()).isEqualTo(kept);
        HttpResponse<String> unknown = editor.submit("/editor/keywords", "/editor/keywords/rename",
                Map.of("from", "どこにもない語", "to", "別の語"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(unknown.body()).select(".notice-error").text()).contains("「どこにもない語」の付いた公開中の記事はありません");
        assertThat(desk.forEditing(article).orElseThrow().content().keywords()).containsExactly(kept);

        var paid = WebSession.loggedIn(port, "paid@example.com", DEMO_PASSWORD);
        assertThat(paid.get("/editor/keywords").statusCode()).isEqualTo(403);
        assertThat(paid.post("/editor/keywords/rename", Map.of("from", kept, "to", "乗っ取り")).statusCode()).isEqualTo(403);
    }

    private static ArticleContent article(String headline, List<String> keywords) {
        String text = headline + "について市が説明した。";
        return new ArticleContent(headline, null, text, new Body(List.of(new Block.Paragraph(text))),
                List.of("テスト 記者"), "society", null, keywords, AccessLevel.FREE, null, false, List.of());
    }

    private static String query(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
