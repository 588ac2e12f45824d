package jp.kawaraban.text;

/**
 * Folds spelling variants of katakana loanwords and foreign names to one key, so that
 * ウィットコフ and ウィトコフ, or ヴァイオリン and バイオリン, are searched, followed and
 * linked as one word. Text that is not katakana passes unchanged.
 */
public final class KatakanaFolding {

    private KatakanaFolding() {
    }

    /** The folded key of {@code word}; equal keys mean "the same word spelled differently". */
    public static String fold(String word) {
        if (word == null || word.isEmpty()) {
            return word;
        }
        StringBuilder folded = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char next = i + 1 < word.length() ? word.charAt(i + 1) : 0;
            if (c == 'ヴ') {
                folded.append(switch (next) {
                    case 'ァ' -> { i++; yield "バ"; }
                    case 'ィ' -> { i++; yield "ビ"; }
                    case 'ェ' -> { i++; yield "ベ"; }
                    case 'ォ' -> { i++; yield "ボ"; }
                    default -> "ブ";
                });
            } else {
                folded.append(c);
            }
        }
        return folded.toString();
    }
}
