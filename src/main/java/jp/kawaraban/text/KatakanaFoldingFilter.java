package jp.kawaraban.text;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

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
 *
 * <p>Given the {@link OriginalText}, the key is made from the spelling the writer wrote at the
 * token's offsets rather than the token, when the two differ only by what the fold's rules fold
 * anyway: the words field respells ヴォート as ボート before Kuromoji, and only the written
 * spelling tells UniDic's lemmas which word it is (decision 0047).
 */
public final class KatakanaFoldingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
    private final OriginalText original;

    public KatakanaFoldingFilter(TokenStream input) {
        this(input, null);
    }

    KatakanaFoldingFilter(TokenStream input, OriginalText original) {
        super(input);
        this.original = original;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword() && KatakanaFolding.containsKatakana(term)) {
            String token = term.toString();
            String folded = KatakanaFolding.fold(written(token));
            if (!folded.equals(token)) {
                term.setEmpty().append(folded);
            }
        }
        return true;
    }

    /**
     * What was written at the token's place, if the token is a whole run of katakana and the
     * rules fold what was written to what the token folds to; else the token.
     */
    private String written(String token) {
        String written = original == null ? null : original.wholeRunBetween(offsets.startOffset(), offsets.endOffset());
        if (written == null || written.equals(token)
                || !KatakanaFolding.foldByRules(written).equals(KatakanaFolding.foldByRules(token))) {
            return token;
        }
        return written;
    }
}
