package jp.kawaraban.text;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Replaces the text of every token that has katakana in it by its {@link KatakanaFolding}
 * key, so that ウィットコフ and ウィトコフ index and query as one term. Offsets are left as
 * the tokenizer set them: they still point at the spelling that was in the text, which is
 * what a highlighter must mark. Tokens marked as keywords are left alone, as other Lucene
 * stemmers do.
 *
 * <p>The fold includes the dropping of a final ー on longer words, so a chain that uses this
 * filter needs no {@code JapaneseKatakanaStemFilter} (which would also merge ドラマー with
 * ドラマ, a pair the fold keeps apart).
 */
public final class KatakanaFoldingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    public KatakanaFoldingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword() && KatakanaFolding.containsKatakana(term)) {
            String original = term.toString();
            String folded = KatakanaFolding.fold(original);
            if (!folded.equals(original)) {
                term.setEmpty().append(folded);
            }
        }
        return true;
    }
}
