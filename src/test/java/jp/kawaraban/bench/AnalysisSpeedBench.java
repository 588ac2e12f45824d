package jp.kawaraban.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.kawaraban.text.JapaneseAnalysis;
import jp.kawaraban.text.Keywords;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How fast each analysis chain runs over the livedoor corpus: characters per second of wall
 * time, and CPU time per article (this thread's, so other work on the machine does not count).
 * The CPU per article of the passes indexing needs is a floor under what an import can cost
 * per article, whatever else it does (issue 16's thousand articles a second).
 */
@EnabledIfSystemProperty(named = "kawaraban.bench", matches = "true")
class AnalysisSpeedBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void throughput() throws IOException {
        LivedoorCorpus corpus = LivedoorCorpus.read(LivedoorCorpus.location());
        int articles = corpus.items().size();
        long characters = corpus.items().stream().mapToLong(item -> item.body().length()).sum();
        System.out.printf("%d articles, %d characters (%.0f per article)%n", articles, characters,
                (double) characters / articles);
        Map<String, Pass> passes = new LinkedHashMap<>();
        passes.put("words", text -> count(JapaneseAnalysis.words(), text));
        passes.put("bigrams", text -> count(JapaneseAnalysis.bigrams(), text));
        passes.put("numbers", text -> count(JapaneseAnalysis.numbers(), text));
        passes.put("keywords", text -> Keywords.extract("", text, 10).size());
        for (var pass : passes.entrySet()) {
            for (int round = 0; round < 3; round++) { // the first round warms the JIT up
                long start = System.nanoTime();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long tokens = 0;
                for (var item : corpus.items()) {
                    tokens += pass.getValue().run(item.body());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuMsPerArticle = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6 / articles;
                System.out.printf("%-8s round %d: %.2f s, %.0f chars/s, %.2f ms CPU per article, %d tokens%n",
                        pass.getKey(), round, seconds, characters / seconds, cpuMsPerArticle, tokens);
            }
        }
    }

    private interface Pass {
        long run(String text) throws IOException;
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
