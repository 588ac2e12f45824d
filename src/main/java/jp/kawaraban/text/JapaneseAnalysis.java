package jp.kawaraban.text;

import java.io.Reader;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseIterationMarkCharFilter;
import org.apache.lucene.analysis.ja.JapaneseNumberFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chains every index and query uses, so that an OpenSearch adapter can be
 * configured with the same steps. Three fields per text:
 * <ul>
 *   <li>{@link #words()} — Kuromoji in search mode (compounds also split) with the
 *       repository's user dictionary, base forms, width and iteration-mark normalisation,
 *       and katakana folding ({@link KatakanaFolding}, which includes the long-vowel
 *       stemming);</li>
 *   <li>{@link #bigrams()} — overlapping CJK bigrams, for recall on words the dictionary
 *       does not know; katakana runs are folded before they are cut into bigrams;</li>
 *   <li>{@link #numbers()} — numbers normalised (漢数字 and full-width digits to one form)
 *       in a field of their own, so they do not break the readings of the words field.</li>
 * </ul>
 * Index and query text go through the same chain, so a query spelled ウィトコフ meets a
 * document that says ウィットコフ in both the words and the bigram field. See
 * {@code docs/search-analysis.md}.
 */
public final class JapaneseAnalysis {

    /** {@link KatakanaFolding#RESPELLINGS_BEFORE_KUROMOJI} as a char filter's map. */
    private static final NormalizeCharMap RESPELLINGS = respellingMap();

    private JapaneseAnalysis() {
    }

    /** The main field: dictionary words in their base form, katakana folded. */
    public static Analyzer words() {
        return words(NewsUserDictionary.get());
    }

    /** The words field with another user dictionary, or none: for measuring what it adds. */
    static Analyzer words(UserDictionary userDictionary) {
        // Each katakana run as a dictionary spells it, so that spellings with one key are cut alike.
        return chain(reader -> new KatakanaRunsCharFilter(forKuromoji(reader)),
                () -> new JapaneseTokenizer(userDictionary, true, JapaneseTokenizer.Mode.SEARCH),
                (tokenizer, original) -> {
                    TokenStream stream = new JapaneseBaseFormFilter(tokenizer);
                    stream = new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
                    // In place of JapaneseKatakanaStemFilter: the fold drops a final ー too, but
                    // keeps the words that a bare length rule would merge (ドラマー, ドラマ). It
                    // reads the text as written, since Kuromoji was given ヴォート as ボート.
                    stream = new KatakanaFoldingFilter(stream, original);
                    return new LowerCaseFilter(stream);
                });
    }

    /**
     * Overlapping bigrams of Han, Hiragana and Katakana runs; Latin words stay whole.
     *
     * <p>The standard tokenizer gives each katakana run as one token (a ・ ends the run),
     * which is folded before the bigram filter cuts it. Folding the token rather
     * than the text in a char filter keeps the offsets simple and right: when the fold
     * changes the length of the run, the bigram filter gives every bigram of that run
     * the offsets of the whole run, so a highlighter marks the word as it was written.
     */
    public static Analyzer bigrams() {
        return chain(JapaneseAnalysis::normalise, StandardTokenizer::new,
                (tokenizer, original) -> new LowerCaseFilter(new CJKBigramFilter(new KatakanaFoldingFilter(tokenizer))));
    }

    /** Numbers only, normalised: 二千二十五, ２０２５ and 2,025 all become 2025. */
    public static Analyzer numbers() {
        return chain(JapaneseAnalysis::forKuromoji,
                () -> new JapaneseTokenizer(NewsUserDictionary.get(), false, JapaneseTokenizer.Mode.NORMAL),
                (tokenizer, original) -> new NumbersOnlyFilter(new JapaneseNumberFilter(tokenizer)));
    }

    /**
     * An analyzer from its three parts: what the text goes through first, the tokenizer, the
     * filters. The filters may read the text as it came in ({@link OriginalText}): the char
     * filters are applied where the tokenizer is given its reader, behind a recording of it,
     * and their offset corrections still reach the tokenizer.
     */
    private static Analyzer chain(java.util.function.UnaryOperator<Reader> charFilters,
                                  java.util.function.Supplier<Tokenizer> tokenizer,
                                  java.util.function.BiFunction<Tokenizer, OriginalText, TokenStream> filters) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = tokenizer.get();
                OriginalText original = new OriginalText();
                return new TokenStreamComponents(
                        reader -> source.setReader(charFilters.apply(original.recording(reader))),
                        filters.apply(source, original));
            }
        };
    }

    /**
     * Half-width katakana and full-width Latin to their usual widths; 々 and ゝ spelled out;
     * separators and spaces between katakana removed. The last step is what makes equal
     * {@link KatakanaFolding} keys give equal terms: the fold ignores them, and so must the
     * tokenizers, or ワールド・カップ would be cut into two tokens and ワールドカップ into
     * one (or, in the bigram field, lack the bigram across the join). The pattern filter
     * corrects offsets, so highlights still cover the text as written.
     */
    private static Reader normalise(Reader reader) {
        return new PatternReplaceCharFilter(KatakanaFolding.SEPARATORS_BETWEEN_KATAKANA, "",
                new JapaneseIterationMarkCharFilter(new CJKWidthCharFilter(reader)));
    }

    /**
     * What Kuromoji reads: the normalised text with some kana respellings of the fold
     * already made (ヴァ→バ, クォ→クオ, ヱ→エ; see
     * {@link KatakanaFolding#respellForKuromoji}). Without them the dictionary may cut two
     * spellings of one word differently (ハーヴェイ stays whole where ハーベイ becomes ハー
     * and ベイ), and no token filter can make two different cuts match. The rules of the
     * fold that depend on the length of a word (ッ, final ー) are left to
     * {@link KatakanaFoldingFilter}, because a katakana run in running text may be several
     * words. The mapping char filter keeps offsets pointing at the original text.
     */
    static Reader forKuromoji(Reader reader) {
        return new MappingCharFilter(RESPELLINGS, normalise(reader));
    }

    private static NormalizeCharMap respellingMap() {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        for (Map.Entry<String, String> entry : KatakanaFolding.RESPELLINGS_BEFORE_KUROMOJI.entrySet()) {
            builder.add(entry.getKey(), entry.getValue());
        }
        return builder.build();
    }

    /** The distinct terms an analyzer makes of a text, in order of first appearance: what a query asks for. */
    public static java.util.List<String> terms(Analyzer analyzer, String text) {
        java.util.Set<String> terms = new java.util.LinkedHashSet<>();
        try (var stream = analyzer.tokenStream("terms", text == null ? "" : text)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (java.io.IOException impossible) { // analysing a String reads no file
            throw new java.io.UncheckedIOException(impossible);
        }
        return java.util.List.copyOf(terms);
    }
}
