package jp.kawaraban.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds spelling variants of katakana loanwords and foreign names to one key, so that
 * ウィットコフ and ウィトコフ, or ヴァイオリン and バイオリン, are searched, followed and
 * linked as one word. Text that is not katakana passes unchanged.
 *
 * <p>The key is not meant to be shown: it is only compared. Each rule below merges a
 * difference that Japanese writers make freely when they spell the same foreign word,
 * and each was checked against words that differ in the same way but mean different
 * things (ビル and ビール, ファン and フアン, ツアー and ツァー, バッグ and バグ...). The
 * rules, in the order they apply:
 * <ol>
 *   <li>half-width katakana become full-width (ｳｨｯﾄｺﾌ is ウィットコフ);</li>
 *   <li>the separators between the parts of a name (・, ＝, ゠, and spaces) are dropped, so
 *       ドナルド・トランプ and ドナルドトランプ, アル カイダ and アルカイダ fold alike; the
 *       rules below see the joined run, so a separator never changes a key;</li>
 *   <li>ヴ and the other V kana become the B row: ヴァ→バ, ヴィ→ビ, ヴ→ブ, ヴェ→ベ, ヴォ→ボ;</li>
 *   <li>a small vowel after ウ, イ, ク, グ or フ that the press also writes full-size
 *       becomes full-size: ウィ→ウイ, ウェ→ウエ, ウォ→ウオ, イェ→イエ, クァ→クア, グァ→グア,
 *       フィ→フイ, フェ→フエ (but not ファ: ファン is a fan, フアン is Juan);</li>
 *   <li>old or rare kana become their modern equivalents: ヰ→イ, ヱ→エ, ヲ→オ, ヂ→ジ, ヅ→ズ;</li>
 *   <li>in a run of five characters or more (a final ー not counted), ッ before a
 *       consonant is dropped (ウィットコフ→ウィトコフ, モハメッド→モハメド); shorter
 *       words keep it, since ハット/ハト, メッシ/メシ and キッチン/キチン are different
 *       words;</li>
 *   <li>a long-vowel mark ー that ends a run is dropped after four morae or more, after
 *       three when the dictionary knows the word with the mark (モーター; not ガーナー,
 *       whose ガーナ is another word), and after two or three ending in ィ (シティー→シティ);
 *       morae are counted on the foreign syllables, so フィラー (two) keeps it whichever way
 *       フィ is written. Before the counts, the word and its shorter form are asked of
 *       UniDic's katakana table ({@link #finalLongVowelByTable}, decision 0050): one lemma
 *       drops the mark (ヘッダー, ヘッダ), two keep it (ドラマー-drummer, ドラマ-drama). A word
 *       listed in {@code text/keep-final-long-vowel.txt} keeps it: UniDic files ハッピ under
 *       ハッピー-happy and cannot tell they are two words. After ィ the table is not asked: the
 *       mark goes whatever records it holds (シンディー, シンディ; decision 0055).</li>
 *   <li>a run that UniDic knows as one word, and as another word than the one its key stands
 *       for, gets a mark after the key ({@link #identityMark}): ヴォート (vote) is not ボート
 *       (boat), ヴィラ (villa) not ビラ (a leaflet), and a ヴ spelling UniDic files as a common word
 *       not the B-row spelling it knows only as a name (ヴィオレ, ビオレ). Decisions 0047, 0050
 *       and 0055.</li>
 * </ol>
 * A long-vowel mark inside a word is never dropped (ビール is not ビル), and neither are
 * the other differences that look like spelling but change the word: ティ/チ, ディ/ジ,
 * ツァ/ツア, ファ/フア, ウ or イ written for a long vowel (ボウリング/ボーリング,
 * セイル/セール).
 *
 * <p>The rules that look at length (6 and 7) treat a run that holds several words as one
 * long word, which is why the analyzers fold tokens, not whole texts. So that two spellings with
 * one key are still cut into the same tokens, the words field gives Kuromoji each run as a
 * dictionary spells it ({@link #spellingForKuromoji}, decision 0055).
 */
public final class KatakanaFolding {

    /**
     * The table of rules 3 to 5: one or two kana, and what they become. Two-kana keys win
     * over one-kana keys (ヴァ is バ, a lone ヴ is ブ). No replacement is longer than its key.
     * Declared before the keep list, whose loading uses it.
     */
    static final Map<String, String> RESPELLINGS;

    /**
     * The part of {@link #RESPELLINGS} that {@link JapaneseAnalysis} also applies to text
     * before Kuromoji reads it (see {@link #respellForKuromoji}).
     */
    static final Map<String, String> RESPELLINGS_BEFORE_KUROMOJI;

    static {
        Map<String, String> all = new LinkedHashMap<>();
        Map<String, String> beforeKuromoji = new LinkedHashMap<>();
        respellings(all, beforeKuromoji);
        RESPELLINGS = Collections.unmodifiableMap(all);
        RESPELLINGS_BEFORE_KUROMOJI = Collections.unmodifiableMap(beforeKuromoji);
        Map<String, String> smallVowels = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : all.entrySet()) {
            // rule 4: two kana become two kana, the second a full-size vowel (ウィ→ウイ)
            if (entry.getKey().length() == 2 && entry.getValue().length() == 2
                    && isJoiningSmallKana(entry.getKey().charAt(1))
                    && !isJoiningSmallKana(entry.getValue().charAt(1))) {
                smallVowels.putIfAbsent(entry.getValue(), entry.getKey());
            }
        }
        SMALL_VOWEL_SPELLINGS = Collections.unmodifiableMap(smallVowels);
    }

    /** Rule 4 backwards (ウイ→ウィ): to count morae alike whichever way a syllable is written. */
    private static final Map<String, String> SMALL_VOWEL_SPELLINGS;

    /** Words that keep their final ー: without it they are another, common word. */
    private static final Set<String> KEEP_FINAL_LONG_VOWEL = loadKeepList("/text/keep-final-long-vowel.txt");

    /** A name part must be this long, in characters and without a final ー, before ッ may be dropped. */
    private static final int MIN_LENGTH_FOR_SOKUON = 5;

    /** Morae that must precede a final ー before it may be dropped. */
    private static final int MIN_MORAE_FOR_FINAL_LONG_VOWEL = 3;

    /** Morae that must precede a final ー before it may be dropped from a word no dictionary knows. */
    private static final int MIN_MORAE_FOR_UNKNOWN_FINAL_LONG_VOWEL = 4;

    private KatakanaFolding() {
    }

    /**
     * The folded key of {@code word}; equal keys mean "the same word spelled differently".
     * The rules below give the key, and a run of katakana that UniDic knows as one word which is
     * not the word the rules' spelling is gets a mark of its own (see {@link #identityMark}).
     */
    public static String fold(String word) {
        return fold(word, true, true);
    }

    /**
     * The key without the list of words that keep their final ー: only for measuring how
     * many look-alike pairs that list alone keeps apart.
     */
    static String foldIgnoringKeepList(String word) {
        return fold(word, false, true);
    }

    /**
     * Loads the table of UniDic's katakana words the fold asks (decisions 0047 and 0050) now
     * rather than at the first katakana word folded: a node spends the fraction of a second it
     * takes while it starts, not in a reader's first search or the first article it indexes.
     */
    public static void loadDictionary() {
        UniDicLemmas.load();
    }

    /** The key the spelling rules alone give, without asking UniDic: the fold before decision 0047. */
    static String foldByRules(String word) {
        return fold(word, true, false);
    }

    private static String fold(String word, boolean useKeepList, boolean askLemmas) {
        if (word == null || word.isEmpty() || !containsKatakana(word)) {
            return word;
        }
        // a Latin initial between katakana names loses its separators too (ジョン・F・ケネディ);
        // those between katakana letters go in the loop below as well
        String text = joinKatakanaParts(fullWidth(word));
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!isKatakanaLetter(text.charAt(i))) {
                out.append(text.charAt(i));
                i++;
                continue;
            }
            // A run of katakana, possibly made of several name parts joined by separators
            // (or spaces). The separators go first and the rules see the joined run, so that
            // ワールド・カップ and ワールドカップ, アル カイダ and アルカイダ get one key: a
            // separator must never decide whether a rule that counts characters applies.
            int end = i;
            StringBuilder run = new StringBuilder();
            while (end < text.length()) {
                char c = text.charAt(end);
                if (isKatakanaLetter(c)) {
                    run.append(c);
                    end++;
                } else if (isSeparatorOrSpace(c)) {
                    int next = end;
                    while (next < text.length() && isSeparatorOrSpace(text.charAt(next))) {
                        next++;
                    }
                    if (next == text.length() || !isKatakanaLetter(text.charAt(next))) {
                        break;
                    }
                    end = next;
                } else {
                    break;
                }
            }
            String written = run.toString();
            if (askLemmas && useKeepList) {
                out.append(runKey(written));
            } else {
                String key = foldPart(written, useKeepList, askLemmas);
                out.append(key);
                if (askLemmas) {
                    out.append(identityMark(written, key));
                }
            }
            i = end;
        }
        return out.toString();
    }

    /** Folds one run of katakana letters (no separator). */
    private static String foldPart(String part, boolean useKeepList, boolean askLemmas) {
        String spelled = respell(part);
        // The length that counts leaves out a final ー, which rule 7 may drop: バッテリー must
        // fold like バッテリ, so both are measured as four characters.
        int length = spelled.endsWith("ー") ? spelled.length() - 1 : spelled.length();
        String withoutSokuon = length >= MIN_LENGTH_FOR_SOKUON ? dropSokuon(spelled) : spelled;
        if (dropsFinalLongVowel(part, spelled, useKeepList, askLemmas)) {
            return withoutSokuon.substring(0, withoutSokuon.length() - 1);
        }
        return withoutSokuon;
    }

    /** Between a run's key and the mark of {@link #identityMark}: never in a katakana word. */
    static final char IDENTITY_MARK = '#';

    /**
     * What tells a word apart from another word that the rules spell alike (decision 0047);
     * empty for nearly every word. The rules' key is read back as a spelling — itself, with
     * small vowels (ウイ as ウィ), or with a final ー (the rules drop it) — and the first of these
     * that UniDic knows as a whole word is the word the key stands for. Then:
     * <ul>
     *   <li>a word written with ヴ whose lemma (or, if UniDic does not know it, that word's lemma)
     *       has an origin without v or w is not what its writer meant by ヴ: ヴォルト is not
     *       ボルト-bolt, ヴァット not バット-bat. It is marked {@code #v};</li>
     *   <li>a word UniDic knows whose lemma is not that word's lemma is marked with its own:
     *       ヴォート (ボート-vote) against ボート (ボート-boat), ヴィラ (ビラ-villa) against ビラ
     *       (びら, a leaflet), ルーラー (ruler) against ルーラ.</li>
     * </ul>
     * A word UniDic does not know, and a word whose key no spelling UniDic knows stands for,
     * get no mark: the rules decide alone, as for names (ウィットコフ, ウィトコフ). Nor does a
     * word whose lemma is the key's (コンピュータ and コンピューター are both
     * コンピューター-computer), so a technical spelling UniDic lacks (オシレータ) still meets
     * the press spelling it knows (オシレーター).
     */
    static String identityMark(String written, String key) {
        return identityMarkAskingUniDic(written, key);
    }

    /**
     * The whole key of one run of katakana (rules, then the mark), remembered by spelling: the
     * table is asked up to a dozen times for a run (rules 7 and 8), and indexing meets the same
     * words again and again. The cache is emptied when it reaches {@link #RUN_CACHE_LIMIT}
     * spellings ({@link MemoEmptiedWhenFull}), which keeps it bounded without a lock on every read.
     */
    private static String runKey(String written) {
        return RUNS.get(written, run -> {
            String byRules = foldPart(run, true, true);
            return byRules + identityMark(run, byRules);
        });
    }

    /** Spellings whose key is remembered before the cache is emptied: a few MiB of short strings. */
    private static final int RUN_CACHE_LIMIT = 50_000;

    /** The keys already made, by the run as written. */
    private static final MemoEmptiedWhenFull RUNS = new MemoEmptiedWhenFull(RUN_CACHE_LIMIT);

    private static String identityMarkAskingUniDic(String written, String key) {
        Optional<UniDicLemmas.Lemma> own = UniDicLemmas.of(written);
        Optional<UniDicLemmas.Lemma> keys = lemmaOfKey(key);
        Optional<UniDicLemmas.Lemma> resolved = own.isPresent() ? own : keys;
        boolean withV = isWrittenWithV(written);
        if (withV && resolved.isPresent() && resolved.get().glossedWithoutV()) {
            return IDENTITY_MARK + "v";
        }
        // A word UniDic does not know, respelled by rule 3 or 4 into a common word with no origin:
        // that is a Japanese word in katakana (ボウ; フイ, ふい; イエ, 家), which nobody writes with
        // ヴ or a small vowel (ヴォウ, フィ, イェ are other words). Decision 0050.
        if (own.isEmpty() && keys.isPresent() && !keys.get().properNoun() && keys.get().gloss() == null
                && (withV || !respell(written).equals(written) && !isAllKatakana(keys.get().written()))) {
            return IDENTITY_MARK + (withV ? "v" : "s");
        }
        // Two records of one lemma (ハーディー-hardy and the name ハーディ, written ハーディー)
        // are one word, but not for a ヴ spelling: a name written with ヴ is not the B-row word
        // with an origin of its own (ヴァーム, a drink, is not バーム-balm).
        if (own.isPresent() && keys.isPresent() && !own.get().isSameWordAs(keys.get())
                && (withV || !own.get().isSameLemmaAs(keys.get()))) {
            return IDENTITY_MARK + own.get().mark();
        }
        // A ヴ spelling UniDic files as a common word whose B-row spelling it knows only as a name
        // (ヴィオレ, violet in French, and the brand ビオレ): the name is not the common word, though
        // isSameWordAs lets a glossless common word be a name's spelling. Only this way round: UniDic
        // files names with ヴ and the press's B-row spelling as a glossless common word (ヴィッセル,
        // the club, and ビッセル), and those are one word. Decision 0055.
        if (withV && own.isPresent() && keys.isPresent() && !own.get().properNoun() && keys.get().properNoun()) {
            return IDENTITY_MARK + own.get().mark();
        }
        return "";
    }

    /** The lemma of the word a key stands for: the first spelling of it that UniDic knows whole. */
    private static Optional<UniDicLemmas.Lemma> lemmaOfKey(String key) {
        String small = withSmallVowels(key);
        List<String> spellings = key.endsWith("ー") ? List.of(key, small)
                : List.of(key, small, key + "ー", small + "ー");
        for (String spelling : spellings) {
            Optional<UniDicLemmas.Lemma> lemma = UniDicLemmas.of(spelling);
            if (lemma.isPresent()) {
                return lemma;
            }
        }
        return Optional.empty();
    }

    private static boolean isWrittenWithV(String written) {
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == 'ヴ' || c >= 'ヷ' && c <= 'ヺ') {
                return true;
            }
        }
        return false;
    }

    /**
     * How Kuromoji is given a whole run of katakana that the char filters have already respelled
     * ({@link #respellForKuromoji}): of the spellings the rules fold alike, one a dictionary knows
     * as a whole word — Kuromoji's own (IPADIC, the user dictionary) first, then UniDic's table —
     * so that two spellings with one key are cut alike (decision 0055). Three steps, each made only
     * when the word it gives has the run's key and is known whole:
     * <ol>
     *   <li>rule 4's small vowels, written small or full size (ウォールナット, ウオールナット);</li>
     *   <li>rule 6's ッ, dropped (マッキアート as マキアート) — only this way, since the spelling
     *       without it cannot tell where a ッ was;</li>
     *   <li>rule 7's final ー, added or dropped (タコメータ as タコメーター).</li>
     * </ol>
     * A run no dictionary knows in any of these spellings, and a run of several words
     * (サッカーワールドカップ: its key drops both ッ, but no dictionary has サカーワールドカプ), is
     * given as it is.
     */
    static String spellingForKuromoji(String run) {
        if (run.length() < 2) {
            return run;
        }
        // Remembered by run, as the keys are: indexing meets the same words again and again, and
        // each new one costs a few dictionary look-ups and the keys of two spellings.
        return SPELLINGS_FOR_KUROMOJI.get(run, KatakanaFolding::findSpellingForKuromoji);
    }

    /** What {@link #spellingForKuromoji} gave each run, emptied when full like {@link #RUNS}. */
    private static final MemoEmptiedWhenFull SPELLINGS_FOR_KUROMOJI = new MemoEmptiedWhenFull(RUN_CACHE_LIMIT);

    private static String findSpellingForKuromoji(String run) {
        String spelled = run;
        String full = respell(run);
        if (full.length() == run.length()) {
            String small = withSmallVowels(full);
            if (!small.equals(full)) {
                String known = knownWhole(small, full);
                if (known != null && !known.equals(run) && foldByRules(known).equals(foldByRules(run))) {
                    spelled = known;
                }
            }
        }
        int length = spelled.endsWith("ー") ? spelled.length() - 1 : spelled.length();
        if (length >= MIN_LENGTH_FOR_SOKUON && spelled.indexOf('ッ') >= 0) {
            String withoutSokuon = dropSokuon(spelled);
            if (!withoutSokuon.equals(spelled) && knownWhole(withoutSokuon, withoutSokuon) != null
                    && fold(withoutSokuon).equals(fold(spelled))) {
                spelled = withoutSokuon;
            }
        }
        String longer = spelled.endsWith("ー") ? spelled : spelled + "ー";
        String shorter = longer.substring(0, longer.length() - 1);
        if (shorter.length() >= 2 && fold(longer).equals(fold(shorter))) {
            String known = knownWhole(longer, shorter);
            if (known != null) {
                spelled = known;
            }
        }
        return spelled;
    }

    /** The first of two spellings Kuromoji's dictionaries know as a whole word, else UniDic's table; or null. */
    private static String knownWhole(String first, String second) {
        if (KnownWords.isKnown(first)) {
            return first;
        }
        if (KnownWords.isKnown(second)) {
            return second;
        }
        if (UniDicLemmas.of(first).isPresent()) {
            return first;
        }
        return UniDicLemmas.of(second).isPresent() ? second : null;
    }

    /** Rules 3 to 5: kana spelled another way for the same sound. Never longer than the input. */
    static String respell(String text) {
        return replace(text, RESPELLINGS);
    }

    /**
     * The respellings that are safe to make before Kuromoji reads the text, and that help
     * it: those whose result is the spelling the dictionary itself uses, so two spellings
     * of a word are cut into the same tokens. They are ヴ to the B row, クァ/グァ/イェ to
     * full size, and the old kana. Left out: ウィ/ウェ/ウォ and フィ/フェ. The dictionary
     * knows many words only with the small vowel (スウェーデン, ノルウェー, サーフィン), and
     * full-size フイ reads to it like フ and イ (サーフイン would become サーフ and イン);
     * for those the token filter's fold is enough.
     */
    static String respellForKuromoji(String text) {
        return replace(text, RESPELLINGS_BEFORE_KUROMOJI);
    }

    private static String replace(String text, Map<String, String> table) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (i + 1 < text.length()) {
                String replacement = table.get(text.substring(i, i + 2));
                if (replacement != null) {
                    out.append(replacement);
                    i += 2;
                    continue;
                }
            }
            String one = text.substring(i, i + 1);
            out.append(table.getOrDefault(one, one));
            i++;
        }
        return out.toString();
    }

    private static void respellings(Map<String, String> all, Map<String, String> beforeKuromoji) {
        Respelling both = (from, to) -> {
            all.put(from, to);
            beforeKuromoji.put(from, to);
        };
        Respelling foldOnly = all::put;
        // Rule 3. ヴ stands for a /v/ that Japanese does not have; most newspapers write the
        // B row, the government's loanword guidance allows it for general use, and writers
        // switch between the two for the same word (ヴァイオリン, バイオリン). ヴャ, ヴュ, ヴョ keep
        // their small kana and take ビ (レヴュー, レビュー). The rare precomposed V kana
        // (ヷ ヸ ヹ ヺ) go the same way as ヴァ ヴィ ヴェ ヴォ.
        both.put("ヴァ", "バ");
        both.put("ヴィ", "ビ");
        both.put("ヴゥ", "ブ");
        both.put("ヴェ", "ベ");
        both.put("ヴォ", "ボ");
        both.put("ヴャ", "ビャ");
        both.put("ヴュ", "ビュ");
        both.put("ヴョ", "ビョ");
        both.put("ヴ", "ブ");
        both.put("ヷ", "バ");
        both.put("ヸ", "ビ");
        both.put("ヹ", "ベ");
        both.put("ヺ", "ボ");
        // Rule 4. ウィ/ウイ, ウェ/ウエ, ウォ/ウオ: one foreign syllable (wi, we, wo) written
        // with a small or a full-size vowel; ウイルス and ウィルス, ウオッカ and ウォッカ are
        // the same words, and no common word hangs on the difference.
        foldOnly.put("ウィ", "ウイ");
        foldOnly.put("ウェ", "ウエ");
        foldOnly.put("ウォ", "ウオ");
        // イェ/イエ: ye, as in イェメン and イエメン.
        both.put("イェ", "イエ");
        // クァ/クア, クォ/クオ (クォリティ, クオリティ), and the same with グ (グァテマラ,
        // グアテマラ): kwa, kwo, gwa written either way. The old クヮ/グヮ too.
        for (String consonant : new String[] {"ク", "グ"}) {
            both.put(consonant + "ァ", consonant + "ア");
            both.put(consonant + "ィ", consonant + "イ");
            both.put(consonant + "ェ", consonant + "エ");
            both.put(consonant + "ォ", consonant + "オ");
            both.put(consonant + "ヮ", consonant + "ア");
        }
        // フィ/フイ and フェ/フエ: フィルム and the older フイルム, フェルト and フエルト.
        // ファ/フア is left alone on purpose: ファン (fan) and フアン (Juan) are both common;
        // フォ/フオ has no variant worth the risk.
        foldOnly.put("フィ", "フイ");
        foldOnly.put("フェ", "フエ");
        // Rule 5. Kana that modern spelling replaced: ヱビス is エビス, ウヰスキー is ウイスキー,
        // カヲル is カオル. ヂ and ヅ sound like ジ and ズ, and katakana names use either
        // (ブリヂストン, ブリジストン; ミヅキ, ミズキ).
        both.put("ヰ", "イ");
        both.put("ヱ", "エ");
        both.put("ヲ", "オ");
        both.put("ヂ", "ジ");
        both.put("ヅ", "ズ");
        for (Map.Entry<String, String> entry : all.entrySet()) {
            if (entry.getValue().length() > entry.getKey().length()) {
                throw new AssertionError("a respelling must not lengthen the text: " + entry);
            }
        }
    }

    @FunctionalInterface
    private interface Respelling {
        void put(String from, String to);
    }

    /**
     * Rule 6: ッ before a consonant. Transliterations of foreign names disagree on doubled
     * consonants (Witkoff: ウィットコフ, ウィトコフ; Mohammed: モハメッド, モハメド), while
     * short words are where Japanese keeps pairs apart by ッ alone (ハット/ハト, バッグ/バグ,
     * マッチ/マチ, スナック/スナク). So only parts of five characters or more lose it.
     */
    private static String dropSokuon(String part) {
        StringBuilder out = new StringBuilder(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == 'ッ' && i > 0 && i + 1 < part.length() && startsWithConsonant(part.charAt(i + 1))) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Rule 7: a final ー. Japanese industrial standards and many newsrooms drop it on longer
     * words (コンピュータ, エレベータ) while others keep it, and foreign names follow suit
     * (ゼレンスキー, ゼレンスキ). But on short words the mark is often all that tells two
     * words apart, so it depends on the morae before it (counted on the foreign syllables:
     * フィ is one, written フィ or フイ):
     * <ul>
     *   <li>two: it stays (カバー and カバ, スキー and スキ), except after ィ (シティー,
     *       ボディー, レディー), which nobody tells apart from シティ, ボディ, レディ;</li>
     *   <li>three: it goes after ィ (ケネディー), and otherwise only when the dictionary
     *       knows the word with the mark
     *       ({@link KnownWords}: モーター, センサー): the long spelling is then an
     *       established loanword. Where it does not, the word without the mark is as likely
     *       another word (ガーナー and ガーナ, コロナー and コロナ, ファーマー and ファーマ);</li>
     *   <li>four or more: it goes (ハンドラー, ゼレンスキー, マカートニー).</li>
     * </ul>
     * A word listed in {@code text/keep-final-long-vowel.txt} keeps it whatever its length:
     * the dictionary knows both ドラマー and ドラマ, and cannot say they are two words.
     */
    private static boolean dropsFinalLongVowel(String part, String spelled, boolean useKeepList, boolean askLemmas) {
        int last = spelled.length() - 1;
        if (last < 1 || spelled.charAt(last) != 'ー') {
            return false;
        }
        // Counted on the foreign syllables, whichever way rule 4 wrote them: フィラー and
        // フイラー both have two morae before the mark, so neither loses it and becomes フィラ.
        String syllables = withSmallVowels(spelled);
        int morae = morae(syllables, syllables.length() - 1);
        boolean afterSmallI = syllables.charAt(syllables.length() - 2) == 'ィ';
        boolean rulesMayDrop = morae >= MIN_MORAE_FOR_FINAL_LONG_VOWEL || morae == 2 && afterSmallI;
        // Morae as written count too, for the dictionary: クエリー is ク, エ, リ (query), though
        // the rules read クエ as the one syllable of クェ.
        if (!rulesMayDrop && (!askLemmas || morae(part, part.length() - 1) < MIN_MORAE_FOR_FINAL_LONG_VOWEL)) {
            return false; // the dictionary may keep a mark the rules would drop, never drop one of two morae
        }
        if (useKeepList && KEEP_FINAL_LONG_VOWEL.contains(spelled)) {
            return false;
        }
        // After ィ the mark tells no two words apart (シティー, シティ; ジュディー, ジュディ): the table
        // is not asked, for it may hold the two spellings as two records — シンディー the language
        // Sindhi, シンディ a first name; エディー a name, エディ a product — that a writer who adds or
        // leaves out the mark does not mean (decision 0055).
        if (askLemmas && afterSmallI && rulesMayDrop) {
            return true;
        }
        if (askLemmas) {
            Boolean byTable = finalLongVowelByTable(part, spelled);
            if (byTable != null) {
                return byTable;
            }
            if (!rulesMayDrop) {
                return false;
            }
        }
        if (morae < MIN_MORAE_FOR_FINAL_LONG_VOWEL) {
            return true; // two morae ending in ィ: シティー, ボディー
        }
        if (afterSmallI) {
            return true;
        }
        // The shorter form, asked of the dictionary: when it is only a name (ガーナ the country,
        // マーサ the first name), the long spelling is another word (Garner, Mercer).
        String shorter = part.substring(0, part.length() - 1);
        if (KnownWords.isOnlyAName(shorter) || KnownWords.isOnlyAName(syllables.substring(0, syllables.length() - 1))) {
            return false;
        }
        if (morae >= MIN_MORAE_FOR_UNKNOWN_FINAL_LONG_VOWEL) {
            return true;
        }
        // Three morae: only an established loanword loses its mark; a surname the dictionary
        // knows with it (マーラー, パーマー) keeps it, for its short form is as likely a word —
        // and so does a loanword that is a surname as well (シルバー: silver, and the name Silver
        // that シルバ, Silva, is not).
        // Each spelling of the foreign syllables is asked: IPADIC has ウインター and not
        // ウィンター, and the two must fold alike.
        return (KnownWords.isCommonWord(part) || KnownWords.isCommonWord(syllables) || KnownWords.isCommonWord(spelled))
                && !KnownWords.isAlsoAPersonsName(part) && !KnownWords.isAlsoAPersonsName(syllables)
                && !KnownWords.isAlsoAPersonsName(spelled);
    }

    /**
     * Rule 7 asked of UniDic's table (decision 0050): the word with its final ー and the shorter
     * form without it are looked up, each as written, then as respelled by rules 3 to 5, then with
     * the small vowels of rule 4. True (drop the mark) or false (keep it) when the table decides,
     * null when the rules must:
     * <ul>
     *   <li>both known: the mark goes only if they are one lemma (ヘッダー and ヘッダ are both
     *       ヘッダー-header; ドラマー-drummer is not ドラマ-drama, リーガー not リーガ, RIHGA);</li>
     *   <li>only the shorter form known: the mark goes if that form's lemma is written with it
     *       (コンピュータ is コンピューター-computer), and stays if it is not (スキーマ-schema
     *       is its own lemma, so スキーマー is another word);</li>
     *   <li>otherwise (only the long form known, or neither) the rules decide.</li>
     * </ul>
     */
    static Boolean finalLongVowelByTable(String part, String spelled) {
        UniDicLemmas.Lemma whole = lemmaOfSpelling(part, spelled);
        UniDicLemmas.Lemma shorter = lemmaOfSpelling(part.substring(0, part.length() - 1),
                spelled.substring(0, spelled.length() - 1));
        if (whole != null && shorter != null) {
            if (!whole.isSameLemmaAs(shorter)) {
                return false;
            }
            String origin = whole.latinGloss() != null ? whole.latinGloss() : shorter.latinGloss();
            if (origin != null) {
                return !UniDicLemmas.Lemma.endsInAShortA(origin);
            }
            return whole.properNoun() && shorter.properNoun() ? null : Boolean.TRUE;
        }
        if (shorter != null) {
            String origin = shorter.latinGloss();
            if (origin != null) {
                return UniDicLemmas.Lemma.endsInALongSound(origin);
            }
            String lemma = shorter.written();
            return lemma.length() > 1 && lemma.charAt(lemma.length() - 1) == 'ー' && isAllKatakana(lemma) ? Boolean.TRUE : null;
        }
        return null;
    }

    /** The lemma of the first of these spellings the table knows: as written, respelled, with small vowels. */
    private static UniDicLemmas.Lemma lemmaOfSpelling(String written, String spelled) {
        for (String spelling : new String[] {written, spelled, withSmallVowels(spelled)}) {
            if (spelling.isEmpty()) {
                continue;
            }
            java.util.Optional<UniDicLemmas.Lemma> lemma = UniDicLemmas.of(spelling);
            if (lemma.isPresent()) {
                return lemma.get();
            }
        }
        return null;
    }

    private static boolean isAllKatakana(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isKatakanaLetter(text.charAt(i))) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** The full-size spellings of rule 4 written back with the small vowel: フイ is フィ. */
    private static String withSmallVowels(String spelled) {
        return replace(spelled, SMALL_VOWEL_SPELLINGS);
    }

    /** Morae in {@code part[0, end)}: every kana counts but the small ones that join the kana before. */
    private static int morae(String part, int end) {
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (!isJoiningSmallKana(part.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static boolean isJoiningSmallKana(char c) {
        return switch (c) {
            case 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ', 'ヮ' -> true;
            default -> false;
        };
    }

    /** A kana that begins with a consonant sound, so that a ッ before it doubles that consonant. */
    private static boolean startsWithConsonant(char c) {
        if (c < 'ァ' || c > 'ヺ') {
            return false;
        }
        return switch (c) {
            case 'ア', 'イ', 'ウ', 'エ', 'オ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ', 'ヮ',
                 'ッ', 'ン', 'ヵ', 'ヶ' -> false;
            default -> true;
        };
    }

    /** Katakana letters and the marks that belong to words: ー, ヽ, ヾ. */
    static boolean isKatakanaLetter(char c) {
        return c >= 'ァ' && c <= 'ヺ' || c == 'ー' || c == 'ヽ' || c == 'ヾ' || c >= '\u31F0' && c <= '\u31FF';
    }

    /** The marks that join the parts of a foreign name: ・ (or the Latin ·), ＝ or =, ゠. */
    private static boolean isSeparator(char c) {
        return c == '・' || c == '\u00B7' || c == '＝' || c == '=' || c == '゠';
    }

    /** A separator, or a space that some writers put between the parts (アル カイダ). */
    private static boolean isSeparatorOrSpace(char c) {
        return isSeparator(c) || c == ' ' || c == '\u3000';
    }

    private static final String KATAKANA_LETTER = "[\u30A1-\u30FA\u30FC\u30FD\u30FE\u31F0-\u31FF]";
    private static final String SEPARATORS = "[・\u00B7＝=゠ \u3000]+";
    private static final String INITIAL = "[A-ZＡ-Ｚ][.．]?";

    /**
     * Separators and spaces between two katakana letters, as the analyzers remove them
     * before the tokenizer (see {@link JapaneseAnalysis}): the same marks that {@link #fold}
     * drops, so that spellings with one key are cut into the same tokens.
     */
    static final java.util.regex.Pattern SEPARATORS_BETWEEN_KATAKANA = java.util.regex.Pattern.compile(
            "(?<=" + KATAKANA_LETTER + ")" + SEPARATORS + "(?=" + KATAKANA_LETTER + ")"
            // and around a Latin initial between two katakana names: ジョン・F・ケネディ
            + "|(?<=" + KATAKANA_LETTER + ")" + SEPARATORS + "(?=" + INITIAL + SEPARATORS + KATAKANA_LETTER + ")"
            + "|(?<=" + KATAKANA_LETTER + "[・\u00B7＝=゠ \u3000]{1,3}" + INITIAL + ")" + SEPARATORS
            + "(?=" + KATAKANA_LETTER + ")");

    /** {@code text} without the separators and spaces between katakana letters. */
    static String joinKatakanaParts(String text) {
        return SEPARATORS_BETWEEN_KATAKANA.matcher(text).replaceAll("");
    }

    /** True if {@code text} has a katakana letter, full- or half-width. */
    static boolean containsKatakana(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isKatakanaLetter(c) || isHalfWidthKatakana(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHalfWidthKatakana(char c) {
        return c >= '\uFF65' && c <= '\uFF9F';
    }

    /** Rule 1: half-width katakana (and their voicing marks) to full width; nothing else. */
    private static String fullWidth(String text) {
        int first = -1;
        for (int i = 0; i < text.length(); i++) {
            if (isHalfWidthKatakana(text.charAt(i))) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        int i = first;
        while (i < text.length()) {
            if (!isHalfWidthKatakana(text.charAt(i))) {
                out.append(text.charAt(i));
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && isHalfWidthKatakana(text.charAt(end))) {
                end++;
            }
            // NFKC maps ｶ to カ and joins ｶﾞ into ガ; applied only to the half-width run so
            // that full-width Latin or digits elsewhere stay as they were.
            out.append(Normalizer.normalize(text.substring(i, end), Normalizer.Form.NFKC));
            i = end;
        }
        return out.toString();
    }

    private static Set<String> loadKeepList(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = KatakanaFolding.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int hash = line.indexOf('#');
                String word = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!word.isEmpty()) {
                    // Stored the way rule 7 sees a part: after the respellings of rules 3 to 5.
                    words.add(respell(fullWidth(word)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
