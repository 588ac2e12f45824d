package jp.kawaraban.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.ja.dict.JaMorphData;
import org.apache.lucene.analysis.ja.dict.TokenInfoDictionary;
import org.apache.lucene.analysis.ja.dict.TokenInfoFST;
import org.apache.lucene.util.IntsRef;
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

    /**
     * True if {@code word} is an entry of IPADIC and every entry of it is a proper noun (a
     * person's, place's or organisation's name: ガーナ, マーサ), never a common word.
     */
    static boolean isOnlyAName(String word) {
        return !partsOfSpeech(word).isEmpty() && partsOfSpeech(word).stream().allMatch(pos -> pos.startsWith("名詞-固有名詞"));
    }

    /** True if {@code word} is an entry of either dictionary that is not only a proper noun (モーター, センサー). */
    static boolean isCommonWord(String word) {
        List<String> parts = partsOfSpeech(word);
        if (parts.isEmpty()) {
            return isKnown(word);
        }
        return parts.stream().anyMatch(pos -> !pos.startsWith("名詞-固有名詞"));
    }

    /** True if one of IPADIC's entries for {@code word} is a person's name (シルバー, a surname as well as silver). */
    static boolean isAlsoAPersonsName(String word) {
        return partsOfSpeech(word).stream().anyMatch(pos -> pos.startsWith("名詞-固有名詞-人名"));
    }

    /** The parts of speech IPADIC gives {@code word} as a whole entry; none when it is not one. */
    static List<String> partsOfSpeech(String word) {
        if (word == null || word.isEmpty()) {
            return List.of();
        }
        TokenInfoDictionary dictionary = TokenInfoDictionary.getInstance();
        TokenInfoFST fst = dictionary.getFST();
        try {
            FST.Arc<Long> arc = fst.getFirstArc(new FST.Arc<>());
            FST.BytesReader reader = fst.getBytesReader();
            long output = 0;
            for (int i = 0; i < word.length(); i++) {
                if (fst.findTargetArc(word.charAt(i), arc, arc, i == 0, reader) == null) {
                    return List.of();
                }
                output += arc.output();
            }
            if (!arc.isFinal()) {
                return List.of();
            }
            output += arc.nextFinalOutput();
            IntsRef ids = new IntsRef();
            dictionary.lookupWordIds((int) output, ids);
            JaMorphData morph = (JaMorphData) dictionary.getMorphAttributes();
            List<String> parts = new ArrayList<>(ids.length);
            for (int k = 0; k < ids.length; k++) {
                parts.add(morph.getPartOfSpeech(ids.ints[ids.offset + k]));
            }
            return parts;
        } catch (IOException e) { // the FSTs are in memory
            throw new UncheckedIOException(e);
        }
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
