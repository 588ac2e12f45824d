package jp.kawaraban.bench;

import java.io.IOException;
import java.util.Map;

import jp.kawaraban.text.JapaneseAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** How fast each analysis chain runs over the livedoor corpus (characters per second). */
@EnabledIfSystemProperty(named = "kawaraban.bench", matches = "true")
class AnalysisSpeedBench {

    @Test
    void throughput() throws IOException {
        LivedoorCorpus corpus = LivedoorCorpus.read(LivedoorCorpus.location());
        long characters = corpus.items().stream().mapToLong(item -> item.body().length()).sum();
        for (var chain : Map.of("words", JapaneseAnalysis.words(), "bigrams", JapaneseAnalysis.bigrams(),
                "numbers", JapaneseAnalysis.numbers()).entrySet()) {
            for (int round = 0; round < 2; round++) {
                long start = System.nanoTime();
                long tokens = 0;
                for (var item : corpus.items()) {
                    tokens += count(chain.getValue(), item.body());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%-8s round %d: %.2f s, %.0f chars/s, %d tokens%n", chain.getKey(), round, seconds,
                        characters / seconds, tokens);
            }
        }
    }

    private static long count(Analyzer analyzer, String text) throws IOException {
        long n = 0;
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            stream.reset();
            while (stream.incrementToken()) {
                n++;
            }
            stream.end();
        }
        return n;
    }
}
