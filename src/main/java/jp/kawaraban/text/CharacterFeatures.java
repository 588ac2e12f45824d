package jp.kawaraban.text;

import java.util.ArrayList;
import java.util.List;

import jp.kawaraban.text.KuromojiTokens.Token;

/**
 * The observations {@link EntityRecognizer}'s model weighs at each character of a text: the
 * characters around it and their classes, and what Kuromoji says about the word it is part of
 * (part of speech, where in the word it stands, whether IPADIC knows the word) and about the
 * words before and after. Names are labelled per character, not per Kuromoji word, because a
 * name often starts or ends inside one (米国務省, 東京都内). Two lists add what the sentences
 * alone cannot know: the names annotated in the training sentences ({@link NameList}) and the
 * names IPADIC, the JUMAN dictionary and UniDic know with their kinds ({@link DictionaryNames},
 * decision 0051). The contexts also carry two constraints of the decoding: no name begins or
 * ends inside a run of katakana or Latin letters.
 */
final class CharacterFeatures {

    private CharacterFeatures() {
    }

    /**
     * A text's observations: one list of feature names per UTF-16 unit, and per unit the
     * context of the labeller's transitions (1 where a Kuromoji word or a run of one character
     * class starts, else 0); and what the labeller weighs of whole spans of the text
     * ({@link SpanFeatures}, decision 0054), made from the same characters and words.
     */
    record Observed(List<List<String>> features, int[] contexts, SpanFeatures spans) {
    }

    static Observed of(String text, NameList names) {
        int n = text.length();
        char[] c = new char[n];
        char[] type = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = normalise(text.charAt(i));
            type[i] = classOf(c[i]);
        }
        List<Token> tokens = KuromojiTokens.tokenize(text);
        int[] tokenAt = new int[n];
        int[] contexts = new int[n];
        java.util.Arrays.fill(tokenAt, -1);
        for (int i = 0; i < n; i++) {
            contexts[i] = i == 0 || type[i] != type[i - 1] ? 1 : 0;
        }
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            if (token.start() < n) {
                contexts[token.start()] = 1;
            }
            for (int i = token.start(); i < token.end() && i < n; i++) {
                tokenAt[i] = t;
            }
        }
        // a name almost never begins or ends inside a run of katakana or Latin letters (9 of the
        // 9,009 names of the annotated sentences): フェリー of フェリージ家 is not a name
        for (int i = 0; i < n; i++) {
            if (i > 0 && type[i] == type[i - 1] && (type[i] == 'A' || type[i] == 'L')) {
                contexts[i] |= StructuredPerceptron.NO_BEGIN;
            }
            if (i + 1 < n && type[i] == type[i + 1] && (type[i] == 'A' || type[i] == 'L')) {
                contexts[i] |= StructuredPerceptron.NO_END;
            }
        }
        int[][] chunks = chunks(tokens);
        List<List<String>> listed = names.matches(text);
        List<List<String>> known = dictionaryNames(c);
        List<List<String>> features = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> f = new ArrayList<>(32);
            f.add("bias");
            for (int d = -2; d <= 2; d++) {
                f.add("c" + d + "=" + at(c, i + d));
            }
            f.add("cc-1=" + at(c, i - 1) + at(c, i));
            f.add("cc0=" + at(c, i) + at(c, i + 1));
            f.add("cc-2=" + at(c, i - 2) + at(c, i - 1));
            f.add("cc1=" + at(c, i + 1) + at(c, i + 2));
            f.add("ccc=" + at(c, i - 1) + at(c, i) + at(c, i + 1));
            f.add("t=" + at(type, i - 2) + at(type, i - 1) + at(type, i) + at(type, i + 1) + at(type, i + 2));
            f.add("t-1=" + at(type, i - 1) + at(type, i));
            f.add("t1=" + at(type, i) + at(type, i + 1));
            f.add("t0=" + at(type, i));
            f.addAll(listed.get(i));
            f.addAll(known.get(i));
            f.add("run=" + run(c, type, i));
            int t = tokenAt[i];
            if (t < 0) {
                f.add("w=none");
                features.add(f);
                continue;
            }
            Token token = tokens.get(t);
            String place = token.end() - token.start() == 1 ? "S"
                    : i == token.start() ? "B" : i == token.end() - 1 ? "E" : "I";
            String pos = token.pos();
            String coarse = coarse(pos);
            f.add("p=" + pos);
            f.add("pp=" + place + pos);
            f.add("k=" + place + token.known());
            f.add("w=" + token.term());
            f.add("wp=" + place + token.term());
            Token before = t > 0 ? tokens.get(t - 1) : null;
            Token after = t + 1 < tokens.size() ? tokens.get(t + 1) : null;
            f.add("p-1=" + (before == null ? "^" : before.pos()));
            f.add("p+1=" + (after == null ? "$" : after.pos()));
            f.add("w-1=" + (before == null ? "^" : before.term()));
            f.add("w+1=" + (after == null ? "$" : after.term()));
            f.add("w-2=" + (t > 1 ? tokens.get(t - 2).term() : "^"));
            f.add("w+2=" + (t + 2 < tokens.size() ? tokens.get(t + 2).term() : "$"));
            f.add("ww-1=" + (before == null ? "^" : before.term()) + "|" + token.term());
            f.add("ww+1=" + token.term() + "|" + (after == null ? "$" : after.term()));
            f.add("pc=" + (before == null ? "^" : coarse(before.pos())) + "|" + place + coarse + "|"
                    + (after == null ? "$" : coarse(after.pos())));
            if (place.equals("B") || place.equals("S")) {
                f.add("start-w-1=" + (before == null ? "^" : before.term()) + "|" + coarse);
            }
            if (place.equals("E") || place.equals("S")) {
                f.add("end-w+1=" + coarse + "|" + (after == null ? "$" : after.term()));
            }
            chunkFeatures(f, tokens, chunks[t], t, place);
            features.add(f);
        }
        return new Observed(features, contexts, new SpanFeatures(text, c, type, tokens, names, DictionaryNames.bundled()));
    }

    /**
     * What the dictionaries' names say of each character ({@link DictionaryNames}): for the
     * longest listed surface starting at each character, its tags at each character it covers
     * with the character's place in it (B, I, E, S).
     */
    private static List<List<String>> dictionaryNames(char[] c) {
        int n = c.length;
        List<List<String>> found = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            found.add(new ArrayList<>(4));
        }
        long[] bits = new long[n];
        int[] ends = DictionaryNames.bundled().longest(c, bits);
        for (int start = 0; start < n; start++) {
            int end = ends[start];
            if (end == 0) {
                continue;
            }
            List<String> tags = DictionaryNames.tagsOf(bits[start]);
            if (end - start == 1) {
                tags.removeIf(t -> Character.isUpperCase(t.charAt(1)));
            }
            if (tags.isEmpty()) {
                continue;
            }
            StringBuilder kinds = new StringBuilder();
            for (String tag : tags) {
                char k = tag.charAt(1);
                if (kinds.indexOf(String.valueOf(k)) < 0) {
                    kinds.append(k);
                }
            }
            for (int i = start; i < end; i++) {
                String place = end - start == 1 ? "S" : i == start ? "B" : i == end - 1 ? "E" : "I";
                List<String> f = found.get(i);
                for (String tag : tags) {
                    f.add("d=" + place + tag);
                }
                f.add("dk=" + place + kinds);
            }
        }
        return found;
    }

    /**
     * For each token, the first and last token of the compound it is part of (a run of nouns,
     * prefixes, unknown words and name joiners), or {@code null} outside one.
     */
    private static int[][] chunks(List<Token> tokens) {
        int[][] chunks = new int[tokens.size()][];
        int t = 0;
        while (t < tokens.size()) {
            if (!chunkPart(tokens.get(t))) {
                t++;
                continue;
            }
            int first = t;
            while (t + 1 < tokens.size() && chunkPart(tokens.get(t + 1))
                    && tokens.get(t + 1).start() == tokens.get(t).end()) {
                t++;
            }
            int[] chunk = {first, t};
            for (int k = first; k <= t; k++) {
                chunks[k] = chunk;
            }
            t++;
        }
        return chunks;
    }

    private static boolean chunkPart(Token token) {
        String pos = token.pos();
        return pos.startsWith("名詞") || pos.startsWith("接頭詞") || !token.known()
                || token.term().length() == 1 && KuromojiTokens.isNameJoiner(token.term().charAt(0));
    }

    /**
     * What decides a name's kind often stands at the end of the compound it is in (日本経済新聞社,
     * 北海道大学), further away than the characters around: the compound's last word, its part
     * of speech, the words around the compound, and where in it this character's word stands.
     */
    private static void chunkFeatures(List<String> f, List<Token> tokens, int[] chunk, int t, String place) {
        if (chunk == null) {
            f.add("ch=none");
            return;
        }
        Token head = tokens.get(chunk[1]);
        Token first = tokens.get(chunk[0]);
        String where = chunk[0] == chunk[1] ? "S" : t == chunk[0] ? "B" : t == chunk[1] ? "E" : "I";
        String headTerm = head.term();
        f.add("ch.h=" + headTerm);
        f.add("ch.wh=" + where + place + "|" + headTerm);
        f.add("ch.hp=" + where + "|" + head.pos());
        f.add("ch.hc=" + headTerm.charAt(headTerm.length() - 1));
        f.add("ch.f=" + first.term());
        f.add("ch.wf=" + where + "|" + first.term());
        f.add("ch.n=" + (chunk[1] + 1 < tokens.size() ? tokens.get(chunk[1] + 1).term() : "$"));
        f.add("ch.p=" + (chunk[0] > 0 ? tokens.get(chunk[0] - 1).term() : "^"));
        f.add("ch.len=" + Math.min(chunk[1] - chunk[0] + 1, 5) + where);
        if (t < chunk[1]) {
            f.add("ch.next=" + tokens.get(t + 1).term());
        }
    }

    /**
     * The run of katakana, Latin letters or kanji the character is in, with its place in the
     * run: サンフランシスコ whole, however Kuromoji cut it. Other characters give their class.
     */
    private static String run(char[] c, char[] type, int i) {
        char kind = type[i];
        if (kind != 'A' && kind != 'L' && kind != 'K') {
            return String.valueOf(kind);
        }
        int start = i;
        while (start > 0 && type[start - 1] == kind && i - start < 12) {
            start--;
        }
        int end = i + 1;
        while (end < c.length && type[end] == kind && end - i < 12) {
            end++;
        }
        String place = end - start == 1 ? "S" : i == start ? "B" : i == end - 1 ? "E" : "I";
        return place + new String(c, start, end - start);
    }

    /** Full-width Latin letters and digits as ASCII, so ＮＨＫ and NHK look alike. */
    private static char normalise(char ch) {
        if (ch >= '！' && ch <= '～') {
            return (char) (ch - 0xFEE0);
        }
        return ch;
    }

    /**
     * K kanji, H hiragana, A katakana (with ー), L Latin, D digit, J a name joiner (・, ＝),
     * O anything else.
     */
    static char classOf(char ch) {
        if (KuromojiTokens.isNameJoiner(ch)) {
            return 'J';
        }
        if (KuromojiTokens.isKatakana(ch)) {
            return 'A';
        }
        if (ch >= 'ぁ' && ch <= 'ゟ') {
            return 'H';
        }
        if (ch >= '0' && ch <= '9') {
            return 'D';
        }
        if (ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z') {
            return 'L';
        }
        if (Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN || ch == '々' || ch == '〆') {
            return 'K';
        }
        return 'O';
    }

    /** The first two levels of an IPADIC part of speech: 名詞-固有名詞. */
    private static String coarse(String pos) {
        int first = pos.indexOf('-');
        if (first < 0) {
            return pos;
        }
        int second = pos.indexOf('-', first + 1);
        return second < 0 ? pos : pos.substring(0, second);
    }

    private static char at(char[] chars, int i) {
        return i < 0 ? '^' : i >= chars.length ? '$' : chars[i];
    }
}
