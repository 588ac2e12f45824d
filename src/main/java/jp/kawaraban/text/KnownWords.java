package jp.kawaraban.text;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.analysis.ja.dict.TokenInfoDictionary;
import org.apache.lucene.analysis.ja.dict.TokenInfoFST;
import org.apache.lucene.util.fst.FST;

/**
 * Whether a katakana word is a dictionary word: an entry of the IPADIC that Kuromoji
 * bundles, or of the news user dictionary ({@link NewsUserDictionary}). The fold asks it
 * before dropping a final ー, so that ガーナー (Garner) is not merged with ガーナ (Ghana):
 * the dictionary knows a word, not a list we keep by hand. Lookups walk the dictionaries'
 * own FSTs; nothing is loaded but what Kuromoji loads anyway.
 */
final class KnownWords {

    private KnownWords() {
    }

    /** True if {@code word}, exactly as written, is a whole entry of either dictionary. */
    static boolean isKnown(String word) {
        if (word == null || word.isEmpty()) {
            return false;
        }
        // The user dictionary is stored respelled (see NewsUserDictionary), IPADIC as it was written.
        return isEntry(TokenInfoDictionary.getInstance().getFST(), word)
                || isEntry(NewsUserDictionary.get().getFST(), KatakanaFolding.respellForKuromoji(word));
    }

    private static boolean isEntry(TokenInfoFST fst, String word) {
        try {
            FST.Arc<Long> arc = fst.getFirstArc(new FST.Arc<>());
            FST.BytesReader reader = fst.getBytesReader();
            for (int i = 0; i < word.length(); i++) {
                // the cache holds the arcs that leave the root, so only the first step may use it
                if (fst.findTargetArc(word.charAt(i), arc, arc, i == 0, reader) == null) {
                    return false;
                }
            }
            return arc.isFinal();
        } catch (IOException e) { // the FSTs are in memory
            throw new UncheckedIOException(e);
        }
    }
}
