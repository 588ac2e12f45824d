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
 * A reader of an article on a marathon gets, first among its recommendations, the short
 * article on that marathon, ahead of a long round-up of the weekend that gives the marathon one
 * paragraph among nine other events — though the round-up's paragraph repeats more of the
 * article's words (decision 0052: a candidate's similarity is taken down by its length).
 * Published through the desk, read from the API; {@code OpenSearchRecommendationsWeighLengthTest}
 * runs the same on the other engine.
 */
@KawarabanTest
class RecommendationsWeighLengthTest {

    /** In every body here: words the related-articles query finds all of them by. */
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
    void theShortArticleOnTheSubjectComesBeforeTheLongRoundUpThatMentionsIt() {
        List<ArticleId> published = new ArrayList<>();
        try {
            ArticleId roundUp = publish(published, "週末の催しを振り返る", "週末は県内の各地で催しが相次いだ。",
                    "市民マラソンには一万人のランナーが出場し、沿道の声援を受けて完走を目指した。給水所ではボランティアが紙コップを手渡し、"
                            + "完走者には記念のメダルが配られた。一万人のランナーの市民マラソンは沿道の声援が絶えなかった。",
                    "港では花火大会が開かれ、三千発が夜空を彩った。屋台の焼きそばは昼過ぎに売り切れた。",
                    "城跡の広場では陶器市が立ち、窯元が湯のみや大皿を並べた。",
                    "図書館の古本市には文庫本を求める家族連れが列を作った。",
                    "子ども将棋大会では小学生が詰将棋の速さを競い、優勝した児童が賞状を受け取った。",
                    "合唱コンクールの予選には中学校十二校が出場し、審査員が講評した。",
                    "駅前の朝市には採れたての野菜や干物が並び、漁協の組合員が呼び込みをした。",
                    "美術館では写真展が始まり、山岳写真家が撮影の苦労を語った。",
                    "動物園ではレッサーパンダの赤ちゃんが初めて公開され、飼育員が成長の様子を説明した。",
                    "商店街の福引きでは温泉旅行の特賞が当たり、鐘の音が響いた。");
            ArticleId onTheMarathon = publish(published, "給水所を増やしランナーを支える",
                    "実行委員会は、コースの給水所を増やすと発表した。", "ランナーの声が寄せられていた。");
            publish(published, "消防団が防災訓練", "消防団と自治会が合同で防災訓練を行い、放水の手順を確かめた。",
                    "訓練の後、参加者は非常食の試食をして備蓄の大切さを話し合った。");
            publish(published, "高校生が郷土料理を調理", "地元の高校生が郷土料理を調理し、高齢者に振る舞った。",
                    "生徒は祖父母から聞いた味付けを再現しようと、何度も試作を重ねたという。");
            publish(published, "図書館で古地図展", "市立図書館で江戸時代の古地図を集めた展示が始まった。",
                    "学芸員が地図の読み方を解説し、来場者は熱心に書き写していた。");
            published.forEach(id -> await().atMost(Duration.ofSeconds(30)).until(() -> index.find(id).isPresent()));
            // Published last, so its list is computed against all the others.
            ArticleId reading = publish(published, "市民マラソンに一万人",
                    "市民マラソンが開かれ、一万人のランナーが沿道の声援を受けて走った。",
                    "給水所ではボランティアが紙コップを手渡し、完走したランナーに記念のメダルが配られた。");
            await().atMost(Duration.ofSeconds(30)).until(() -> index.find(reading).isPresent());

            List<String> recommended = recommendations(reading);
            // Before decision 0052 the plain cosine put the round-up first: its paragraph on the
            // marathon shares more of the article's words than the short article does.
            assertThat(recommended).contains(roundUp.value());
            assertThat(recommended.getFirst()).isEqualTo(onTheMarathon.value());
        } finally {
            published.forEach(id -> {
                if (catalog.find(id.value()).isPresent()) {
                    desk.withdraw(id);
                }
            });
        }
    }

    private ArticleId publish(List<ArticleId> published, String headline, String lead, String... paragraphs) {
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

    private List<String> recommendations(ArticleId id) {
        var response = new WebSession(port).get("/api/v1/articles/" + id.value() + "/recommendations");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.readTree(response.body()).forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
