package jp.kawaraban.text;

import java.io.Reader;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseIterationMarkCharFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapaneseNumberFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chains every index and query uses, so that an OpenSearch adapter can be
 * configured with the same steps. Three fields per text:
 * <ul>
 *   <li>{@link #words()} — Kuromoji in search mode (compounds also split), base forms,
 *       width and iteration-mark normalisation, katakana long-vowel stemming;</li>
 *   <li>{@link #bigrams()} — overlapping CJK bigrams, for recall on words the dictionary
 *       does not know;</li>
 *   <li>{@link #numbers()} — numbers normalised (漢数字 and full-width digits to one form)
 *       in a field of their own, so they do not break the readings of the words field.</li>
 * </ul>
 */
public final class JapaneseAnalysis {

    private JapaneseAnalysis() {
    }

    /** The main field: dictionary words in their base form. */
    public static Analyzer words() {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return normalise(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.SEARCH);
                TokenStream stream = new JapaneseBaseFormFilter(tokenizer);
                stream = new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
                stream = new JapaneseKatakanaStemFilter(stream);
                stream = new LowerCaseFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** Overlapping bigrams of Han, Hiragana and Katakana runs; Latin words stay whole. */
    public static Analyzer bigrams() {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return normalise(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new CJKBigramFilter(tokenizer);
                stream = new LowerCaseFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** Numbers only, normalised: 二千二十五, ２０２５ and 2,025 all become 2025. */
    public static Analyzer numbers() {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return normalise(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL);
                TokenStream stream = new JapaneseNumberFilter(tokenizer);
                stream = new NumbersOnlyFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** Half-width katakana and full-width Latin to their usual widths; 々 and ゝ spelled out. */
    private static Reader normalise(Reader reader) {
        return new JapaneseIterationMarkCharFilter(new CJKWidthCharFilter(reader));
    }
}
