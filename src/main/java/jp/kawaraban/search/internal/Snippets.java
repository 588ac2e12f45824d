package jp.kawaraban.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jp.kawaraban.search.Snippet;
import jp.kawaraban.text.JapaneseAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Cuts a snippet from the text a reader may see, around the first words that match the
 * query (matched the way the index matches: same analysis, so 走った is found for 走る and
 * a variant spelling for the other). Done here rather than by the index, so that every
 * index adapter gives the same snippets and none can cut them from text the reader may not see.
 */
public final class Snippets {

    private static final int LENGTH = 120;
    private static final int BEFORE = 30;
    private static final Analyzer WORDS = JapaneseAnalysis.words();

    private Snippets() {
    }

    public static Snippet cut(String text, Set<String> queryTerms) {
        if (text == null || text.isBlank()) {
            return new Snippet(List.of());
        }
        List<int[]> matches = matches(text, queryTerms);
        int start = matches.isEmpty() ? 0 : Math.max(0, matches.getFirst()[0] - BEFORE);
        int end = Math.min(text.length(), start + LENGTH);
        List<Snippet.Part> parts = new ArrayList<>();
        if (start > 0) {
            parts.add(new Snippet.Part("…", false));
        }
        int at = start;
        for (int[] match : matches) {
            if (match[0] < at || match[1] > end) {
                continue;
            }
            if (match[0] > at) {
                parts.add(new Snippet.Part(text.substring(at, match[0]), false));
            }
            parts.add(new Snippet.Part(text.substring(match[0], match[1]), true));
            at = match[1];
        }
        if (at < end) {
            parts.add(new Snippet.Part(text.substring(at, end), false));
        }
        if (end < text.length()) {
            parts.add(new Snippet.Part("…", false));
        }
        return new Snippet(List.copyOf(parts));
    }

    private static List<int[]> matches(String text, Set<String> queryTerms) {
        List<int[]> matches = new ArrayList<>();
        if (queryTerms.isEmpty()) {
            return matches;
        }
        try (TokenStream stream = WORDS.tokenStream("snippet", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int lastEnd = -1;
            int windowEnd = Integer.MAX_VALUE;
            // The snippet shows the window that starts a little before the first match: once a
            // token starts past it, no later match can show, and the rest of a long body is not
            // analysed (Kuromoji reads its input as it goes). This was three quarters of a
            // search request's CPU on livedoor's articles (docs/benchmarks.md).
            while (stream.incrementToken() && offset.startOffset() < windowEnd) {
                // Search mode also emits the parts of a compound: keep the widest, non-overlapping.
                if (queryTerms.contains(term.toString()) && offset.startOffset() >= lastEnd) {
                    if (matches.isEmpty()) {
                        windowEnd = Math.max(0, offset.startOffset() - BEFORE) + LENGTH;
                    }
                    matches.add(new int[] {offset.startOffset(), offset.endOffset()});
                    lastEnd = offset.endOffset();
                }
            }
            stream.end();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return matches;
    }
}
