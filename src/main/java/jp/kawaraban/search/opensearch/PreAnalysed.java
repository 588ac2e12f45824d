package jp.kawaraban.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Text as our own analysis cuts it ({@code text.JapaneseAnalysis}: Kuromoji with our
 * dictionary, the katakana fold, bigrams, numbers), written so that OpenSearch indexes exactly
 * those terms without a Japanese plug-in (decision 0036). Each position is one word separated
 * by spaces; terms that share a position (Kuromoji's search mode gives 関西国際空港 beside 関西)
 * are joined by U+0001 inside it. The index's analyzer ({@link #ANALYZER}) splits on spaces and
 * gives every part of a word the same position, so the index counts a field's length as Lucene
 * does (overlapping terms discounted) and BM25 scores as in the embedded index. Position gaps
 * left by removed particles are not kept: no query of ours asks for phrases.
 */
final class PreAnalysed {

    /** Between terms of one position: not white space to the tokenizer, never in a term of ours. */
    static final char SAME_POSITION = '\u0001';

    /** The analyzer OpenSearch indexes these fields with: white space, then the parts of each word. */
    static final String ANALYZER = "pre_analysed";

    private PreAnalysed() {
    }

    static String of(Analyzer analyzer, String text) {
        StringBuilder written = new StringBuilder(text == null ? 16 : text.length() * 2);
        try (TokenStream stream = analyzer.tokenStream("pre-analysed", text == null ? "" : text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String clean = clean(term);
                if (clean.isEmpty()) {
                    continue;
                }
                if (!written.isEmpty()) {
                    written.append(increment.getPositionIncrement() == 0 ? SAME_POSITION : ' ');
                }
                written.append(clean);
            }
            stream.end();
        } catch (IOException impossible) { // analysing a String reads no file
            throw new UncheckedIOException(impossible);
        }
        return written.toString();
    }

    /** A term as it can travel: white space and the separator would split it, so they go. */
    private static String clean(CharTermAttribute term) {
        StringBuilder clean = null;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            boolean splits = Character.isWhitespace(c) || c == SAME_POSITION;
            if (splits && clean == null) {
                clean = new StringBuilder(term.length()).append(term, 0, i);
            } else if (!splits && clean != null) {
                clean.append(c);
            }
        }
        return clean == null ? term.toString() : clean.toString();
    }
}
