package jp.kawaraban.text;

import java.io.IOException;
import java.io.Reader;

/**
 * The text of one analysis as it came in, before any char filter, so that a token filter can
 * read what the writer wrote at a token's offsets. The words field respells ヴォート as ボート
 * before Kuromoji reads it (so that two spellings are cut alike), and the fold must still know
 * that the writer wrote ヴ (decision 0047). One instance per analyzer's components, so per
 * thread; each new text replaces the last.
 */
final class OriginalText {

    private final StringBuilder read = new StringBuilder();

    /** {@code reader}, recording what is read through it; what was recorded before is forgotten. */
    Reader recording(Reader reader) {
        read.setLength(0);
        return new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int count = reader.read(buffer, offset, length);
                if (count > 0) {
                    read.append(buffer, offset, count);
                }
                return count;
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    /**
     * The original text between two offsets if it is a whole run of katakana — no katakana
     * letter or separator just before or after it — else null (also when it has not been read,
     * or the offsets are odd). The fold asks UniDic about whole runs only, so a token that is
     * part of a run (Kuromoji cuts ハーヴェイ into ハー and ベイ) must not be asked about either.
     */
    String wholeRunBetween(int start, int end) {
        if (start < 0 || end > read.length() || start >= end) {
            return null;
        }
        if (start > 0 && belongsToARun(read.charAt(start - 1)) || end < read.length() && belongsToARun(read.charAt(end))) {
            return null;
        }
        return read.substring(start, end);
    }

    private static boolean belongsToARun(char c) {
        return KatakanaFolding.isKatakanaLetter(c) || c == '・' || c == '＝' || c == '゠' || c >= '\uFF65' && c <= '\uFF9F';
    }
}
