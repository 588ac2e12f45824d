package jp.kawaraban.text;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Keeps the tokens that are numbers after {@code JapaneseNumberFilter} has normalised them. */
final class NumbersOnlyFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    NumbersOnlyFilter(TokenStream input) {
        super(input);
    }

    @Override
    protected boolean accept() {
        if (term.length() == 0) {
            return false;
        }
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }
}
