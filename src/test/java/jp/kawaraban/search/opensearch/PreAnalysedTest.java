package jp.kawaraban.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import jp.kawaraban.text.JapaneseAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/**
 * What OpenSearch is sent is what the embedded index gets: the terms of our analyzers, one
 * position per word (decision 0036). Checked here on the fold's marks (decision 0047), which
 * must travel whole: OpenSearch's own analyzer splits only on white space and U+0001.
 */
class PreAnalysedTest {

    @Test
    void theWordsOpenSearchIndexesAreOurAnalyzersTermsMarksIncluded() {
        try (Analyzer words = JapaneseAnalysis.words()) {
            for (String text : List.of("ヴォートの結果が出た", "湖でボートに乗った", "ヴァイオリンの独奏", "バイオリンの独奏")) {
                List<String> sent = Arrays.stream(PreAnalysed.of(words, text).split(" "))
                        .flatMap(position -> Arrays.stream(position.split(String.valueOf(PreAnalysed.SAME_POSITION))))
                        .distinct().toList();
                assertThat(sent).as(text).isEqualTo(JapaneseAnalysis.terms(words, text));
            }
            assertThat(PreAnalysed.of(words, "ヴォートの結果が出た")).isNotEqualTo(PreAnalysed.of(words, "ボートの結果が出た"));
            assertThat(PreAnalysed.of(words, "ヴァイオリンの独奏")).isEqualTo(PreAnalysed.of(words, "バイオリンの独奏"));
        }
    }
}
