package jp.kawaraban.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Kuromoji's segmentation of a text (NORMAL mode, IPADIC only, punctuation kept), as a
 * list the extractors can walk back and forth. Widths are normalised before segmenting
 * (full-width Latin to ASCII, half-width katakana to full width); offsets stay those of
 * the original text. Tokens without a letter or digit are tagged {@code 記号-一般}
 * whatever Kuromoji says (it calls an unknown "(" a noun).
 */
final class KuromojiTokens {

    /**
     * One token.
     *
     * @param term  the token's text after width normalisation
     * @param start offset of its first character in the original text
     * @param end   offset after its last character in the original text
     * @param pos   IPADIC part of speech, such as {@code 名詞-固有名詞-人名-姓}
     * @param known true when the word is in the dictionary; false for words Kuromoji made
     *              up from the character classes (unknown words have no reading)
     */
    record Token(String term, int start, int end, String pos, boolean known) {

        boolean isNoun() {
            return pos.startsWith("名詞");
        }

        boolean isProperNoun() {
            return pos.startsWith("名詞-固有名詞");
        }

        boolean isSymbol() {
            return pos.startsWith("記号");
        }
    }

    private KuromojiTokens() {
    }

    static List<Token> tokenize(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Token> tokens = new ArrayList<>();
        try (JapaneseTokenizer tokenizer =
                new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL)) {
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);
            ReadingAttribute reading = tokenizer.addAttribute(ReadingAttribute.class);
            tokenizer.setReader(new CJKWidthCharFilter(new StringReader(text)));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String surface = term.toString();
                String partOfSpeech = pos.getPartOfSpeech();
                if (partOfSpeech == null || surface.codePoints().noneMatch(Character::isLetterOrDigit)) {
                    // Kuromoji tags unknown ASCII marks such as "(" as nouns; they are symbols here
                    partOfSpeech = "記号-一般";
                }
                tokens.add(new Token(surface, offset.startOffset(), offset.endOffset(), partOfSpeech,
                        reading.getReading() != null));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** True for katakana letters and the long-vowel mark, full and half width. */
    static boolean isKatakana(int cp) {
        return cp >= 0x30A1 && cp <= 0x30FA
                || cp >= 0x30FC && cp <= 0x30FE
                || cp >= 0x31F0 && cp <= 0x31FF
                || cp >= 0xFF66 && cp <= 0xFF9F;
    }

    /** True when every character of {@code s} is a katakana letter or the long-vowel mark. */
    static boolean isAllKatakana(CharSequence s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isKatakana(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The middle dots and equals signs that join the parts of a foreign name. */
    static boolean isNameJoiner(int cp) {
        return cp == '・' || cp == '･' || cp == '＝' || cp == '=';
    }
}
