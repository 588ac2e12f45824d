package jp.kawaraban.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * In how many documents of a collection each term occurs. {@link Keywords} weighs a term by
 * how rare it is across the collection, so that what nearly every article carries — the name
 * of the outlet or news agency (共同通信, 読売新聞), a recurring column label — does not crowd
 * out what one article is about.
 *
 * <p>Immutable once counted, and safe to share between threads.
 */
public final class DocumentFrequencies {

    private static final DocumentFrequencies NONE = new DocumentFrequencies(0, Map.of());

    private final int documents;
    private final Map<String, Integer> frequencies;

    private DocumentFrequencies(int documents, Map<String, Integer> frequencies) {
        this.documents = documents;
        this.frequencies = frequencies;
    }

    /** No collection: every term weighs the same, as {@link Keywords#extract(String, String, int)} does. */
    public static DocumentFrequencies none() {
        return NONE;
    }

    /** Counts the terms {@link Keywords} weighs against a collection (its nouns and compounds) in each text. */
    public static DocumentFrequencies ofKeywordTerms(Iterable<String> texts) {
        return count(texts, text -> Keywords.candidates(text).stream().map(Keywords.Compound::term).toList());
    }

    /** Counts the nouns of each text, one term per Kuromoji word: the terms of {@link Keywords#nounTfIdf}. */
    public static DocumentFrequencies ofNouns(Iterable<String> texts) {
        return count(texts, Keywords::nouns);
    }

    private static DocumentFrequencies count(Iterable<String> texts, Function<String, List<String>> terms) {
        Map<String, Integer> frequencies = new HashMap<>();
        int documents = 0;
        for (String text : texts) {
            documents++;
            Set<String> seen = new HashSet<>(terms.apply(text == null ? "" : text));
            for (String term : seen) {
                frequencies.merge(term, 1, Integer::sum);
            }
        }
        return new DocumentFrequencies(documents, Map.copyOf(frequencies));
    }

    /** How many documents were counted. */
    public int documents() {
        return documents;
    }

    /** In how many of them {@code term} occurs. */
    public int frequency(String term) {
        return frequencies.getOrDefault(term, 0);
    }

    /**
     * The inverse document frequency, smoothed: {@code 1 + ln((N + 1) / (df + 1))}; 1 for every
     * term when nothing was counted. A term in every document keeps a small weight rather than
     * none, so a text whose every term is common still gets keywords.
     */
    double inverse(String term) {
        if (documents == 0) {
            return 1.0;
        }
        return 1.0 + Math.log((documents + 1.0) / (frequency(term) + 1.0));
    }
}
