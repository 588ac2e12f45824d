package jp.kawaraban.search;

import java.util.List;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.article.ArticleId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader of an article gets, first among its recommendations, the article on the same
 * subject even when that subject is named only in the two articles' headlines and leads — as
 * in an imported article, whose first paragraph becomes its lead (docs/import.md) — ahead of
 * one that only shares a passage of the body. Published through the desk, read from the API.
 */
@KawarabanTest
class RecommendationsReadTheWholeArticleTest {

    @Autowired
    PublishedStories stories;

    @AfterEach
    void withdrawTheStories() {
        stories.withdrawAll();
    }

    @Test
    void theArticleOnTheSameSubjectComesFirstThoughItsBodyTalksOfSomethingElse() {
        // Headlines and bodies apart enough that no two of these are "the same story" (Recommendations).
        ArticleId sameSubject = stories.publish("若手が先勝",
                "囲碁の棋聖戦第三局は挑戦者が封じ手から攻め、棋士たちが対局の行方を見守った。",
                "控室では関係者が盤面を並べ、次の一手を検討しながら昼食の出前を待っていた。終局は夜になる見通しだという。");
        ArticleId sameBodyPassage = stories.publish("商店街の夏祭り、三年ぶりに開催",
                "駅前の商店街で夏祭りが三年ぶりに開かれ、通りは夕方まで人でにぎわった。",
                "焼きそばや綿あめの屋台に子どもたちが列を作り、売り切れる店も出た。実行委員会は来年も続けたいとしている。");
        // The article the reader reads, published last.
        List<String> recommended = stories.recommendationsOfTheLastOf("囲碁の頂上決戦、二日目へ",
                "囲碁の棋聖戦第二局は挑戦者が封じ手を選び、二日目の対局が始まった。",
                "綿あめと焼きそばの屋台も出て、並ぶ子どもの姿があった。大盤解説会は午後から始まる予定で、整理番号順に入場する。");
        // Before decision 0049 a candidate was compared by its body alone: the festival came
        // first and the other game of the same title match after it.
        assertThat(recommended).contains(sameBodyPassage.value());
        assertThat(recommended.getFirst()).isEqualTo(sameSubject.value());
    }
}
