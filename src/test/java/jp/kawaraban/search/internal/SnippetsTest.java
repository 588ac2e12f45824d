package jp.kawaraban.search.internal;

import java.util.List;
import java.util.Set;

import jp.kawaraban.search.Snippet;
import jp.kawaraban.text.JapaneseAnalysis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a search result shows of an article: the window around the first match, every match in
 * it marked, and "…" where text was left out; a long body analysed only as far as the window.
 */
class SnippetsTest {

    private static final String FILLER = "港の朝市には干物や野菜が並び、漁協の組合員が呼び込みをした。";

    @Test
    void theWindowStartsALittleBeforeTheFirstMatchAndMarksEveryMatchInIt() {
        String text = FILLER.repeat(10) + "新しい堤防の工事が始まり、堤防の高さは二メートル増す。" + FILLER.repeat(40)
                + "堤防の完成は三年後になる。";
        Snippet snippet = Snippets.cut(text, terms("堤防"));

        assertThat(snippet.parts().getFirst().text()).isEqualTo("…");
        assertThat(snippet.parts().getLast().text()).isEqualTo("…");
        assertThat(snippet.parts().stream().filter(Snippet.Part::match).map(Snippet.Part::text).toList())
                .containsExactly("堤防", "堤防");
        String shown = String.join("", snippet.parts().stream().map(Snippet.Part::text).toList());
        assertThat(shown).contains("新しい堤防の工事が始まり").doesNotContain("完成");
        assertThat(shown.length()).isLessThanOrEqualTo(120 + 2);
    }

    @Test
    void aWordIsFoundInAnotherFormAndAVariantSpelling() {
        Snippet ran = Snippets.cut(FILLER + "選手たちは雨の中を走った。", terms("走る"));
        assertThat(ran.parts().stream().filter(Snippet.Part::match).map(Snippet.Part::text).toList()).containsExactly("走っ");

        Snippet envoy = Snippets.cut("特使のウィトコフ氏が到着した。", terms("ウィットコフ"));
        assertThat(envoy.parts().stream().filter(Snippet.Part::match).map(Snippet.Part::text).toList()).containsExactly("ウィトコフ");
    }

    @Test
    void withoutAMatchTheSnippetIsTheBeginning() {
        Snippet snippet = Snippets.cut(FILLER.repeat(20), terms("堤防"));
        assertThat(snippet.parts().getFirst().text()).startsWith("港の朝市");
        assertThat(snippet.parts()).noneMatch(Snippet.Part::match);
        assertThat(snippet.parts().getLast().text()).isEqualTo("…");
    }

    /** The query's terms as the search makes them: the words analyzer's. */
    private static Set<String> terms(String query) {
        return Set.copyOf(JapaneseAnalysis.terms(JapaneseAnalysis.words(), query));
    }
}
