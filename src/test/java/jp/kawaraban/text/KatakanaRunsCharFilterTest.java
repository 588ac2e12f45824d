package jp.kawaraban.text;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The respelling Kuromoji reads (decision 0055) is the same however the text arrives: a run of
 * katakana cut by a chunk's end is still respelled whole, and offsets still point at the run as
 * it was written.
 */
class KatakanaRunsCharFilterTest {

    /** Two spellings the fold gives one key; Kuromoji knows the first as a whole word. */
    private static final String KNOWN = "タコメーター";
    private static final String VARIANT = "タコメータ";

    @Test
    void aRunCutByTheReadersChunksIsRespelledWhole() throws IOException {
        String text = "計器の" + VARIANT + "を見た。" + KNOWN + "も同じ。";
        String atOnce = readAll(new KatakanaRunsCharFilter(new StringReader(text)), 8192);
        String charByChar = readAll(new KatakanaRunsCharFilter(new OneCharAtATime(text)), 1);

        assertThat(atOnce).isEqualTo("計器の" + KNOWN + "を見た。" + KNOWN + "も同じ。");
        assertThat(charByChar).isEqualTo(atOnce);
    }

    @Test
    void aRunLateInALongTextAndARunAtTheEndAreRespelled() throws IOException {
        String text = "あ".repeat(1020) + VARIANT + "。" + "い".repeat(2000) + VARIANT;
        String respelled = readAll(new KatakanaRunsCharFilter(new StringReader(text)), 100);

        assertThat(respelled).isEqualTo("あ".repeat(1020) + KNOWN + "。" + "い".repeat(2000) + KNOWN);
    }

    @Test
    void offsetsAfterARespelledRunPointAtTheTextAsWritten() throws IOException {
        String text = "計器の" + VARIANT + "を見た。" + VARIANT + "。";
        KatakanaRunsCharFilter filter = new KatakanaRunsCharFilter(new OneCharAtATime(text));
        String respelled = readAll(filter, 3);

        int secondRunEnd = respelled.lastIndexOf(KNOWN) + KNOWN.length();
        assertThat(filter.correctOffset(secondRunEnd)).isEqualTo(text.lastIndexOf(VARIANT) + VARIANT.length());
        int firstRunEnd = respelled.indexOf(KNOWN) + KNOWN.length();
        assertThat(filter.correctOffset(firstRunEnd)).isEqualTo(text.indexOf(VARIANT) + VARIANT.length());
        assertThat(filter.correctOffset(respelled.indexOf("を"))).isEqualTo(text.indexOf("を"));
    }

    @Test
    void textWithoutKatakanaComesThroughAsItIs() throws IOException {
        String text = "港湾地区の再開発、市が計画案をまとめた。";
        assertThat(readAll(new KatakanaRunsCharFilter(new StringReader(text)), 7)).isEqualTo(text);
        assertThat(readAll(new KatakanaRunsCharFilter(new StringReader("")), 7)).isEmpty();
    }

    private static String readAll(Reader reader, int bufferSize) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[bufferSize];
        int count;
        while ((count = reader.read(buffer, 0, bufferSize)) != -1) {
            out.append(buffer, 0, count);
        }
        return out.toString();
    }

    /** A reader that gives one character a read, as a slow input may. */
    private static final class OneCharAtATime extends Reader {
        private final String text;
        private int position;

        OneCharAtATime(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position >= text.length()) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            buffer[offset] = text.charAt(position++);
            return 1;
        }

        @Override
        public void close() {
        }
    }
}
