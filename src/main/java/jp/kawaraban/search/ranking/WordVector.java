package jp.kawaraban.search.ranking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjLongConsumer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * An article's words weighted by how often it uses them and how rare they are in the
 * archive (sublinear tf × idf), to compare two articles directly: the cosine of their
 * vectors. The candidate's side uses its stored term vector with tf weights only, which
 * keeps the comparison to one pass over its terms. The engine only supplies the numbers (how
 * many articles hold each word, how many articles there are, a candidate's term counts); the
 * arithmetic is this class's on both engines.
 */
public final class WordVector {

    private final Map<String, Double> weights;
    private final Map<String, Integer> documentFrequencies;
    private final double norm;

    private WordVector(Map<String, Double> weights, Map<String, Integer> documentFrequencies) {
        this.weights = weights;
        this.documentFrequencies = documentFrequencies;
        this.norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
    }

    /** How often each word of {@code text} occurs in it, as {@code analyzer} cuts it. */
    public static Map<String, Integer> counts(Analyzer analyzer, String text) {
        Map<String, Integer> counts = new HashMap<>();
        try (TokenStream stream = analyzer.tokenStream("counts", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            stream.end();
        } catch (IOException impossible) { // analysing a String reads no file
            throw new UncheckedIOException(impossible);
        }
        return counts;
    }

    /**
     * @param counts              the article's words and how often it uses each ({@link #counts})
     * @param documentFrequencies for each of those words, how many indexed articles hold it (0 when none)
     * @param documents           how many articles the index holds
     */
    public static WordVector of(Map<String, Integer> counts, Map<String, Integer> documentFrequencies, long documents) {
        long all = Math.max(1, documents);
        Map<String, Double> weights = new HashMap<>();
        Map<String, Integer> frequencies = new HashMap<>();
        for (var entry : counts.entrySet()) {
            int df = documentFrequencies.getOrDefault(entry.getKey(), 0);
            frequencies.put(entry.getKey(), df);
            double idf = Math.log(1 + (double) all / (1 + df));
            weights.put(entry.getKey(), (1 + Math.log(entry.getValue())) * idf);
        }
        return new WordVector(weights, frequencies);
    }

    /**
     * The article's most telling words, for the query that finds candidates: the heaviest
     * {@code limit} words that at least {@code minDocumentFrequency} articles share (rarer
     * ones cannot find anything similar). Reuses the frequencies already looked up, so the
     * article is analysed and the index asked once per recommendation.
     */
    public List<String> telling(int limit, int minDocumentFrequency) {
        return weights.entrySet().stream()
                .filter(entry -> documentFrequencies.get(entry.getKey()) >= minDocumentFrequency)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Another article's words with how often it uses each, as the engine stored them. */
    @FunctionalInterface
    public interface TermFrequencies {

        TermFrequencies NONE = each -> { };

        void forEach(ObjLongConsumer<String> each);
    }

    /** Cosine against another article's term vector (0 when it has none). */
    public double cosine(TermFrequencies other) {
        if (norm == 0) {
            return 0;
        }
        double[] sums = new double[2]; // dot product, the other's squared norm
        other.forEach((term, frequency) -> {
            double tf = 1 + Math.log(frequency);
            sums[1] += tf * tf;
            Double weight = weights.get(term);
            if (weight != null) {
                sums[0] += weight * tf;
            }
        });
        return sums[1] == 0 ? 0 : sums[0] / (norm * Math.sqrt(sums[1]));
    }
}
