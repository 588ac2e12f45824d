package jp.kawaraban.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * An article's words weighted by how often it uses them and how rare they are in the
 * archive (sublinear tf × idf), to compare two articles directly: the cosine of their
 * vectors. The candidate's side uses its stored term vector with tf weights only, which
 * keeps the comparison to one pass over its terms.
 */
final class WordVector {

    private final Map<String, Double> weights;
    private final Map<String, Integer> documentFrequencies;
    private final double norm;

    private WordVector(Map<String, Double> weights, Map<String, Integer> documentFrequencies) {
        this.weights = weights;
        this.documentFrequencies = documentFrequencies;
        this.norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
    }

    static WordVector of(IndexReader reader, Analyzer analyzer, String field, String text) {
        Map<String, Integer> counts = new HashMap<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            stream.end();
            int documents = Math.max(1, reader.numDocs());
            Map<String, Double> weights = new HashMap<>();
            Map<String, Integer> frequencies = new HashMap<>();
            for (var entry : counts.entrySet()) {
                int df = reader.docFreq(new Term(field, entry.getKey()));
                frequencies.put(entry.getKey(), df);
                double idf = Math.log(1 + (double) documents / (1 + df));
                weights.put(entry.getKey(), (1 + Math.log(entry.getValue())) * idf);
            }
            return new WordVector(weights, frequencies);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The article's most telling words, for the query that finds candidates: the heaviest
     * {@code limit} words that at least {@code minDocumentFrequency} articles share (rarer
     * ones cannot find anything similar). Reuses the frequencies already looked up, so the
     * article is analysed and the index asked once per recommendation.
     */
    java.util.List<String> telling(int limit, int minDocumentFrequency) {
        return weights.entrySet().stream()
                .filter(entry -> documentFrequencies.get(entry.getKey()) >= minDocumentFrequency)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Cosine against another article's term vector (0 when it has none). */
    double cosine(Terms other) {
        if (other == null || norm == 0) {
            return 0;
        }
        try {
            double dot = 0;
            double otherNorm = 0;
            TermsEnum terms = other.iterator();
            BytesRef term;
            while ((term = terms.next()) != null) {
                double tf = 1 + Math.log(terms.totalTermFreq());
                otherNorm += tf * tf;
                Double weight = weights.get(term.utf8ToString());
                if (weight != null) {
                    dot += weight * tf;
                }
            }
            return otherNorm == 0 ? 0 : dot / (norm * Math.sqrt(otherNorm));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
