package jp.kawaraban.text;

import java.io.IOException;
import java.io.Reader;

import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Gives Kuromoji each run of katakana as {@link KatakanaFolding#spellingForKuromoji} spells it, so
 * that two spellings the fold gives one key are cut into the same tokens: Kuromoji keeps タコメーター
 * whole and cuts タコメータ into タコ and メータ, and no token filter can make two different cuts
 * give the same terms (decision 0055). Only spellings a dictionary knows as whole words are given,
 * so a run that is several words (サッカーワールドカップ, トークショー) is left as it is.
 *
 * <p>The text is read whole on the first read, as the tokenizer reads it anyway. Offsets are
 * corrected at the end of each run that changed length, so a token that is a whole run still
 * points at the run as it was written ({@link OriginalText}), and a highlight covers it.
 */
final class KatakanaRunsCharFilter extends BaseCharFilter {

    private String output;
    private int position;

    KatakanaRunsCharFilter(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (output == null) {
            output = respellRuns(readAll());
        }
        if (position >= output.length()) {
            return -1;
        }
        int count = Math.min(length, output.length() - position);
        output.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    private String readAll() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] chunk = new char[4096];
        int count;
        while ((count = input.read(chunk)) > 0) {
            text.append(chunk, 0, count);
        }
        return text.toString();
    }

    private String respellRuns(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int shortened = 0; // characters of the input minus characters written, so far
        int i = 0;
        while (i < text.length()) {
            if (!KatakanaFolding.isKatakanaLetter(text.charAt(i))) {
                out.append(text.charAt(i));
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && KatakanaFolding.isKatakanaLetter(text.charAt(end))) {
                end++;
            }
            String run = text.substring(i, end);
            String spelled = KatakanaFolding.spellingForKuromoji(run);
            out.append(spelled);
            if (spelled.length() != run.length()) {
                shortened += run.length() - spelled.length();
                addOffCorrectMap(out.length(), shortened);
            }
            i = end;
        }
        return out.toString();
    }
}
