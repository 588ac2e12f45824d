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
 * archive (tf × idf, the tf saturating as BM25's does), to compare two articles directly: the
 * cosine of their vectors, a long candidate's taken down by its length (decision 0052). Both
 * sides count the whole article — headline, lead and body — with the headline's words counted
 * {@value #HEADLINE_COUNTS} times (decision 0049). The candidate's side uses its stored term
 * vectors with tf weights only, which keeps the comparison to one pass over its terms. The
 * engine only supplies the numbers (how many articles hold each word, how many articles there
 * are, a candidate's term counts); the arithmetic is this class's on both engines.
 */
public final class WordVector {

    /** How many times a headline's word counts: the headline says what the article is about. */
    public static final int HEADLINE_COUNTS = 2;
    /**
     * Where a word's weight stops growing with its count (BM25's k1): an article that repeats a
     * word ten times is not ten times about it. Measured against log(1 + tf) on the imported
     * livedoor text (docs/benchmarks.md).
     */
    private static final double SATURATION = 1.2;
    /**
     * How much a candidate's length lowers its similarity: the cosine is multiplied by the
     * candidate vector's norm to the power of minus this. A long article shares some words with
     * nearly every other and was recommended under articles on other subjects; the norm of its
     * tf vector (about the square root of how many different words it uses) says how long it
     * is. Chosen on half of the livedoor queries (files numbered ≡ 0 mod 4) over the imported
     * text, precision@5: 0 (the plain cosine) 0.8445, 0.2 0.8559, 0.3 and 0.4 0.8589, 0.5
     * 0.8561, 0.6 0.8508 (docs/benchmarks.md, decision 0052).
     */
    static final double LENGTH_PENALTY = 0.4;

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

    /** {@link #counts(Analyzer, String)} of an article, its headline's words counted {@value #HEADLINE_COUNTS} times. */
    public static Map<String, Integer> counts(Analyzer analyzer, String headline, String rest) {
        Map<String, Integer> counts = counts(analyzer, rest);
        counts(analyzer, headline).forEach((term, n) -> counts.merge(term, n * HEADLINE_COUNTS, Integer::sum));
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
            weights.put(entry.getKey(), saturated(entry.getValue()) * idf);
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

        /** An article's words from its three fields' vectors, the headline's counted as {@link #counts(Analyzer, String, String)} counts them. */
        static TermFrequencies ofArticle(TermFrequencies headline, TermFrequencies lead, TermFrequencies body) {
            Map<String, Long> counts = new HashMap<>();
            headline.forEach((term, frequency) -> counts.merge(term, frequency * HEADLINE_COUNTS, Long::sum));
            lead.forEach((term, frequency) -> counts.merge(term, frequency, Long::sum));
            body.forEach((term, frequency) -> counts.merge(term, frequency, Long::sum));
            return each -> counts.forEach(each::accept);
        }
    }

    /**
     * How like this article another is: the cosine against its term vector, divided by that
     * vector's norm to the power {@value #LENGTH_PENALTY} (0 when it has none). The article's
     * own norm is the same for all its candidates; only the candidate's length changes the order.
     */
    public double similarity(TermFrequencies other) {
        if (norm == 0) {
            return 0;
        }
        double[] sums = new double[2]; // dot product, the other's squared norm
        other.forEach((term, frequency) -> {
            double tf = saturated(frequency);
            sums[1] += tf * tf;
            Double weight = weights.get(term);
            if (weight != null) {
                sums[0] += weight * tf;
            }
        });
        return sums[1] == 0 ? 0 : sums[0] / (norm * Math.pow(sums[1], (1 + LENGTH_PENALTY) / 2));
    }

    private static double saturated(long count) {
        return count * (SATURATION + 1) / (count + SATURATION);
    }
}
