package jp.kawaraban.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reader of an article gets, first among its recommendations, the article on the same
 * subject even when that subject is named only in the two articles' headlines and leads — as
 * in an imported article, whose first paragraph becomes its lead (docs/import.md) — ahead of
 * one that only shares a passage of the body. Published through the desk, read from the API.
 */
@KawarabanTest
class RecommendationsReadTheWholeArticleTest {

    /** In every body here: the words the related-articles query finds the six by. */
    private static final String SHARED = "会場の公民館には朝から地元の住民が集まり、係員が受付で整理券を配った。";

    @LocalServerPort
    int port;
    @Autowired
    ArticleDesk desk;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    SearchIndex index;
    @Autowired
    JsonMapper json;

    @Test
    void theArticleOnTheSameSubjectComesFirstThoughItsBodyTalksOfSomethingElse() {
        List<ArticleId> published = new ArrayList<>();
        try {
            // Headlines and bodies apart enough that no two of these are "the same story" (Recommendations).
            ArticleId sameSubject = publish(published, "若手が先勝",
                    "囲碁の棋聖戦第三局は挑戦者が封じ手から攻め、棋士たちが対局の行方を見守った。",
                    "控室では関係者が盤面を並べ、次の一手を検討しながら昼食の出前を待っていた。終局は夜になる見通しだという。");
            ArticleId sameBodyPassage = publish(published, "商店街の夏祭り、三年ぶりに開催",
                    "駅前の商店街で夏祭りが三年ぶりに開かれ、通りは夕方まで人でにぎわった。",
                    "焼きそばや綿あめの屋台に子どもたちが列を作り、売り切れる店も出た。実行委員会は来年も続けたいとしている。");
            publish(published, "図書館で古地図展", "市立図書館で江戸時代の古地図を集めた展示が始まった。",
                    "学芸員が地図の読み方を解説し、来場者は熱心に書き写していた。");
            publish(published, "消防団が防災訓練", "消防団と自治会が合同で防災訓練を行い、放水の手順を確かめた。",
                    "訓練の後、参加者は非常食の試食をして備蓄の大切さを話し合った。");
            publish(published, "高校生が郷土料理を調理", "地元の高校生が郷土料理を調理し、高齢者に振る舞った。",
                    "生徒は祖父母から聞いた味付けを再現しようと、何度も試作を重ねたという。");
            published.forEach(id -> await().atMost(Duration.ofSeconds(30)).until(() -> index.find(id).isPresent()));
            // Published last, so its list is computed against all the others.
            ArticleId reading = publish(published, "囲碁の頂上決戦、二日目へ",
                    "囲碁の棋聖戦第二局は挑戦者が封じ手を選び、二日目の対局が始まった。",
                    "綿あめと焼きそばの屋台も出て、並ぶ子どもの姿があった。大盤解説会は午後から始まる予定で、整理番号順に入場する。");
            await().atMost(Duration.ofSeconds(30)).until(() -> index.find(reading).isPresent());

            List<String> recommended = recommendations(reading);
            // Before decision 0049 a candidate was compared by its body alone: the festival came
            // first and the other game of the same title match after it.
            assertThat(recommended).contains(sameBodyPassage.value());
            assertThat(recommended.getFirst()).isEqualTo(sameSubject.value());
        } finally {
            published.forEach(id -> {
                if (catalog.find(id.value()).isPresent()) {
                    desk.withdraw(id);
                }
            });
        }
    }

    private ArticleId publish(List<ArticleId> published, String headline, String lead, String ownPassage) {
        ArticleId id = desk.publish(new ArticleContent(headline, null, lead,
                new Body(List.of(new Block.Paragraph(SHARED), new Block.Paragraph(ownPassage))), List.of("テスト 記者"),
                "society", null, List.of(), AccessLevel.FREE, null, false, List.of()));
        published.add(id);
        return id;
    }

    private List<String> recommendations(ArticleId id) {
        var response = new WebSession(port).get("/api/v1/articles/" + id.value() + "/recommendations");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(response.body()).forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
