package jp.kawaraban.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArticleMarkupTest {

    @Test
    void readsEveryKindOfBlock() {
        Body body = ArticleMarkup.parse("""
                米ロの外相が18日、
                リヤドで会談した。

                ## 4項目で合意

                1. 大使館の機能回復
                2. 高官チームの指名

                - ロシア直接投資基金
                - 大統領補佐官

                > 長く困難な道のりの第一歩だ

                ![協議の経過](timeline.svg "作図 国際部")
                """, file -> "img-" + file);

        assertThat(body.blocks()).containsExactly(
                new Block.Paragraph("米ロの外相が18日、リヤドで会談した。"),
                new Block.Heading("4項目で合意"),
                new Block.OrderedList(List.of("大使館の機能回復", "高官チームの指名")),
                new Block.UnorderedList(List.of("ロシア直接投資基金", "大統領補佐官")),
                new Block.Quote("長く困難な道のりの第一歩だ"),
                new Block.Figure("img-timeline.svg", "協議の経過", "作図 国際部"));
    }

    @Test
    void figureWithoutCreditHasAnEmptyCredit() {
        Body body = ArticleMarkup.parse("![グラフ](chart.svg)", file -> file);
        assertThat(body.blocks()).containsExactly(new Block.Figure("chart.svg", "グラフ", ""));
    }

    @Test
    void emptyTextIsRefused() {
        assertThatThrownBy(() -> ArticleMarkup.parse("  \n\n ", file -> file))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openingStopsAfterTheBlockThatReachesTheLength() {
        Body body = ArticleMarkup.parse("あいうえお\n\nかきくけこ\n\nさしすせそ", file -> file);
        assertThat(body.opening(7)).hasSize(2);
        assertThat(body.characterCount()).isEqualTo(15);
    }

    @Test
    void linksAreHttpOrSitePathsAndReadAsTheirWordsAnythingElseStaysText() {
        String text = "詳しくは[市の発表](https://city.example.jp/news/1)と[過去の記事](/articles/abc)を。"
                + "[危ない](javascript:alert(1))や[外](//evil.example)はそのまま。";
        assertThat(InlineText.parts(text)).containsExactly(
                new InlineText.Part("詳しくは", null),
                new InlineText.Part("市の発表", "https://city.example.jp/news/1"),
                new InlineText.Part("と", null),
                new InlineText.Part("過去の記事", "/articles/abc"),
                new InlineText.Part("を。[危ない](javascript:alert(1))や[外](//evil.example)はそのまま。", null));
        Body body = ArticleMarkup.parse(text + "\n\n- [一覧](/sections/world)の項目", file -> file);
        assertThat(body.plainText()).contains("詳しくは市の発表と過去の記事を。", "一覧の項目").doesNotContain("https://");
        assertThat(ArticleMarkup.parse(ArticleMarkup.format(body), file -> file)).isEqualTo(body);
    }

    @Test
    void anAddressWithABackslashIsNotALinkSinceBrowsersReadItAsAnotherSite() {
        String text = "[社内](/\\evil.example/login)と[外](https://ok.example\\@evil.example)";
        assertThat(InlineText.links(text)).isEmpty();
        assertThat(InlineText.parts(text)).containsExactly(new InlineText.Part(text, null));
    }
}
