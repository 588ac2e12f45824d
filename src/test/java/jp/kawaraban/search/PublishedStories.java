package jp.kawaraban.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jp.kawaraban.WebSession;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stories a recommendations test publishes through the desk and whose lists it reads back from the
 * API, as a reader's page gets them. Every body opens with one shared paragraph, so that the
 * related-articles query finds all of them and the ranking alone decides the order; three short
 * local stories on other subjects fill the list beyond the pair a test compares. A test-scope bean
 * of every {@link jp.kawaraban.KawarabanTest} application ({@link jp.kawaraban.KawarabanTestConfiguration}
 * imports it, so tests that use it share the one application); a test injects it and calls
 * {@link #withdrawAll()} when it is done, so later tests on the same context are not recommended
 * these.
 */
@TestComponent
public final class PublishedStories {

    /** The paragraph every body opens with. */
    private static final String SHARED = "会場の公民館には朝から地元の住民が集まり、係員が受付で整理券を配った。";

    private final ArticleDesk desk;
    private final ArticleCatalog catalog;
    private final SearchIndex index;
    private final JsonMapper json;
    private final Environment environment;
    private final List<ArticleId> published = new ArrayList<>();

    PublishedStories(ArticleDesk desk, ArticleCatalog catalog, SearchIndex index, JsonMapper json, Environment environment) {
        this.desk = desk;
        this.catalog = catalog;
        this.index = index;
        this.json = json;
        this.environment = environment;
    }

    /** Publishes a free society story whose body is the shared paragraph and then {@code paragraphs}. */
    ArticleId publish(String headline, String lead, String... paragraphs) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph(SHARED));
        for (String paragraph : paragraphs) {
            blocks.add(new Block.Paragraph(paragraph));
        }
        ArticleId id = desk.publish(new ArticleContent(headline, null, lead, new Body(blocks), List.of("テスト 記者"),
                "society", null, List.of(), AccessLevel.FREE, null, false, List.of()));
        published.add(id);
        return id;
    }

    /** Three stories on subjects none of the tests' stories share. */
    void publishUnrelated() {
        publish("消防団が防災訓練", "消防団と自治会が合同で防災訓練を行い、放水の手順を確かめた。",
                "訓練の後、参加者は非常食の試食をして備蓄の大切さを話し合った。");
        publish("高校生が郷土料理を調理", "地元の高校生が郷土料理を調理し、高齢者に振る舞った。",
                "生徒は祖父母から聞いた味付けを再現しようと、何度も試作を重ねたという。");
        publish("図書館で古地図展", "市立図書館で江戸時代の古地図を集めた展示が始まった。",
                "学芸員が地図の読み方を解説し、来場者は熱心に書き写していた。");
    }

    /** Waits until every story published so far is in the search index. */
    void awaitIndexed() {
        published.forEach(id -> await().atMost(Duration.ofSeconds(30)).until(() -> index.find(id).isPresent()));
    }

    /**
     * Publishes the three unrelated stories and waits until every story so far is indexed, then
     * publishes the story a reader reads — last, so its list is computed against all the others —
     * and returns the ids of its recommendations, as {@link #recommendationsFor} does.
     */
    List<String> recommendationsOfTheLastOf(String headline, String lead, String... paragraphs) {
        publishUnrelated();
        awaitIndexed();
        return recommendationsFor(publish(headline, lead, paragraphs));
    }

    /** The ids of {@code id}'s recommendations, in order, as GET /api/v1/articles/{id}/recommendations gives them. */
    List<String> recommendationsFor(ArticleId id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> index.find(id).isPresent());
        // Read when asked: the port is known only once the server has started, after this bean was made.
        var response = new WebSession(environment.getRequiredProperty("local.server.port", Integer.class)).get("/api/v1/articles/" + id.value() + "/recommendations");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(response.body()).forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    /** Withdraws every story published since the last call, and forgets them. */
    void withdrawAll() {
        published.forEach(id -> {
            if (catalog.find(id.value()).isPresent()) {
                desk.withdraw(id);
            }
        });
        published.clear();
    }
}
