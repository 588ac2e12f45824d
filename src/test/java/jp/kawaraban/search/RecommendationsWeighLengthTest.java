package jp.kawaraban.search;

import java.util.List;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.article.ArticleId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Autowired
    PublishedStories stories;

    @AfterEach
    void withdrawTheStories() {
        stories.withdrawAll();
    }

    @Test
    void theShortArticleOnTheSubjectComesBeforeTheLongRoundUpThatMentionsIt() {
        ArticleId roundUp = stories.publish("週末の催しを振り返る", "週末は県内の各地で催しが相次いだ。",
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
        ArticleId onTheMarathon = stories.publish("給水所を増やしランナーを支える",
                "実行委員会は、コースの給水所を増やすと発表した。", "ランナーの声が寄せられていた。");
        // The article the reader reads, published last.
        List<String> recommended = stories.recommendationsOfTheLastOf("市民マラソンに一万人",
                "市民マラソンが開かれ、一万人のランナーが沿道の声援を受けて走った。",
                "給水所ではボランティアが紙コップを手渡し、完走したランナーに記念のメダルが配られた。");
        // Before decision 0052 the plain cosine put the round-up first: its paragraph on the
        // marathon shares more of the article's words than the short article does.
        assertThat(recommended).contains(roundUp.value());
        assertThat(recommended.getFirst()).isEqualTo(onTheMarathon.value());
    }
}
