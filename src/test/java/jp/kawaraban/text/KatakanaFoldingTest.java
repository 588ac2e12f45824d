package jp.kawaraban.text;

import static jp.kawaraban.text.AnalysisTestSupport.readPairs;
import static jp.kawaraban.text.AnalysisTestSupport.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.kawaraban.text.AnalysisTestSupport.Pair;

class KatakanaFoldingTest {

    private static final List<Pair> VARIANTS = readPairs("/text/variant-pairs.tsv");
    private static final List<Pair> LOOKALIKES = readPairs("/text/distinct-lookalikes.tsv");

    private static Analyzer words;
    private static Analyzer wordsWithoutUserDictionary;
    private static Analyzer bigrams;

    @BeforeAll
    static void openAnalyzers() {
        words = JapaneseAnalysis.words();
        wordsWithoutUserDictionary = JapaneseAnalysis.words(null);
        bigrams = JapaneseAnalysis.bigrams();
    }

    @AfterAll
    static void closeAnalyzers() {
        words.close();
        wordsWithoutUserDictionary.close();
        bigrams.close();
    }

    // --- The two tables ---

    @Test
    void tablesAreLargeEnoughAndHaveNoRepeatedPair() {
        assertThat(VARIANTS).hasSizeGreaterThanOrEqualTo(120);
        assertThat(LOOKALIKES).hasSizeGreaterThanOrEqualTo(120);
        assertThat(unordered(VARIANTS)).as("repeated variant pairs").hasSize(VARIANTS.size());
        assertThat(unordered(LOOKALIKES)).as("repeated look-alike pairs").hasSize(LOOKALIKES.size());
        assertThat(LOOKALIKES).allSatisfy(pair -> assertThat(pair.first()).isNotEqualTo(pair.second()));
        // Two empty term lists would count as "the same terms": make sure none is empty.
        for (Pair pair : concat(VARIANTS, LOOKALIKES)) {
            assertThat(terms(words, pair.first())).as(pair.first()).isNotEmpty();
            assertThat(terms(words, pair.second())).as(pair.second()).isNotEmpty();
        }
    }

    @Test
    void everyVariantPairMergesAndNoLookalikePairDoes() {
        List<Pair> foldMisses = new ArrayList<>();
        List<Pair> analyzerMisses = new ArrayList<>();
        List<Pair> missesWithoutUserDictionary = new ArrayList<>();
        List<Pair> bigramMisses = new ArrayList<>();
        for (Pair pair : VARIANTS) {
            if (!terms(bigrams, pair.first()).equals(terms(bigrams, pair.second()))) {
                bigramMisses.add(pair);
            }
            if (!KatakanaFolding.fold(pair.first()).equals(KatakanaFolding.fold(pair.second()))) {
                foldMisses.add(pair);
            }
            if (!terms(words, pair.first()).equals(terms(words, pair.second()))) {
                analyzerMisses.add(pair);
            }
            if (!terms(wordsWithoutUserDictionary, pair.first()).equals(terms(wordsWithoutUserDictionary, pair.second()))) {
                missesWithoutUserDictionary.add(pair);
            }
        }
        List<Pair> foldMerges = new ArrayList<>();
        List<Pair> analyzerMerges = new ArrayList<>();
        int keptApartOnlyByKeepList = 0;
        for (Pair pair : LOOKALIKES) {
            if (KatakanaFolding.fold(pair.first()).equals(KatakanaFolding.fold(pair.second()))) {
                foldMerges.add(pair);
            } else if (KatakanaFolding.foldIgnoringKeepList(pair.first())
                    .equals(KatakanaFolding.foldIgnoringKeepList(pair.second()))) {
                keptApartOnlyByKeepList++;
            }
            if (terms(words, pair.first()).equals(terms(words, pair.second()))) {
                analyzerMerges.add(pair);
            }
        }

        int variants = VARIANTS.size();
        int lookalikes = LOOKALIKES.size();
        System.out.printf("fold: variant recall %d/%d, false merges %d/%d%n",
                variants - foldMisses.size(), variants, foldMerges.size(), lookalikes);
        System.out.printf("words analyzer: variant recall %d/%d, false merges %d/%d%n",
                variants - analyzerMisses.size(), variants, analyzerMerges.size(), lookalikes);
        System.out.printf("bigram analyzer (not asserted): variant pairs with the same bigrams %d/%d %s%n",
                variants - bigramMisses.size(), variants, bigramMisses);
        System.out.printf("look-alike pairs kept apart only by keep-final-long-vowel.txt: %d/%d%n",
                keptApartOnlyByKeepList, lookalikes);
        System.out.printf("variant pairs that need userdict.txt to get the same terms: %d/%d %s%n",
                missesWithoutUserDictionary.size(), variants, missesWithoutUserDictionary);

        assertThat(foldMisses).as("variant pairs that fold to different keys").isEmpty();
        assertThat(analyzerMisses).as("variant pairs with different terms in the words field").isEmpty();
        assertThat(foldMerges).as("look-alike pairs that fold to one key").isEmpty();
        assertThat(analyzerMerges).as("look-alike pairs with the same terms in the words field").isEmpty();
    }

    private static Set<Set<String>> unordered(List<Pair> pairs) {
        Set<Set<String>> seen = new HashSet<>();
        for (Pair pair : pairs) {
            seen.add(Set.of(pair.first(), pair.second()));
        }
        return seen;
    }

    // --- The rules one by one ---

    @Test
    void textWithoutKatakanaIsReturnedAsItIs() {
        assertThat(KatakanaFolding.fold(null)).isNull();
        assertThat(KatakanaFolding.fold("")).isEmpty();
        String plain = "大統領は２０２５年に語った";
        assertThat(KatakanaFolding.fold(plain)).isSameAs(plain);
        assertThat(KatakanaFolding.fold("ABC・DEF")).isEqualTo("ABC・DEF");
    }

    @ParameterizedTest(name = "{0} folds to {1}")
    @CsvSource({
        // half-width to full-width
        "ｳｨｯﾄｺﾌ, ウイトコフ",
        "ｶﾞｽ, ガス",
        // separators between katakana go; elsewhere they stay
        "ドナルド・トランプ, ドナルドトランプ",
        "ジャン＝ポール, ジャンポール",
        "ジャン゠ポール, ジャンポール",
        "1ドル＝150円, 1ドル＝150円",
        "・トランプ, ・トランプ",
        // V kana
        "ヴァイオリン, バイオリン",
        "ヴィザ, ビザ",
        "ヴ, ブ",
        "ヴェール, ベール",
        "ヴォーカル, ボーカル",
        "レヴュー, レビュー",
        "ヷヸヹヺ, バビベボ",
        // small vowels that the press also writes full-size
        "ウィルス, ウイルス",
        "ウェブ, ウエブ",
        "ウォッカ, ウオッカ",
        "イェメン, イエメン",
        "クォーター, クオータ",
        "グァム, グアム",
        "フィルム, フイルム",
        "フェルト, フエルト",
        // old kana
        "ヱビス, エビス",
        "ウヰスキー, ウイスキ",
        "カヲル, カオル",
        "ブリヂストン, ブリジストン",
        "ミヅキ, ミズキ",
        // ッ in parts of five characters or more
        "ウィットコフ, ウイトコフ",
        "モハメッド, モハメド",
        "ハット, ハット",
        "キッチン, キッチン",
        "ゲットアウト, ゲトアウト",
        // ッ before a vowel or at the end of a part stays, whatever the length
        "アッアッアッ, アッアッアッ",
        // final ー
        "コンピューター, コンピュータ",
        "ゼレンスキー, ゼレンスキ",
        "シティー, シティ",
        "スキー, スキー",
        "カバー, カバー",
        "ハッピー, ハッピー",
        "ビール, ビール",
        // each part of a name on its own
        "ハリー・ポッター, ハリーポタ",
        "ゼレンスキー大統領, ゼレンスキ大統領",
    })
    void foldsOneRuleAtATime(String word, String key) {
        assertThat(KatakanaFolding.foldByRules(word)).isEqualTo(key);
    }

    /**
     * Decision 0047: a word UniDic knows whole keeps a key of its own when it is not the word
     * its rule key spells (vote is not boat, a villa not a leaflet, a quarter not a quota);
     * spellings UniDic files under one lemma, and names it does not know, still share a key.
     */
    @ParameterizedTest
    @CsvSource({
        "ヴォート, ボート",
        "ヴィラ, ビラ",
        "ルーラー, ルーラ",
        "クォーター, クォータ",
        "ヴァット, バット",
        "ヴェリー, ベリー",
        "ウェスト, ウエスト",
    })
    void aWordTheRulesSpellLikeAnotherKeepsItsOwnKey(String word, String other) {
        assertThat(KatakanaFolding.foldByRules(word)).isEqualTo(KatakanaFolding.foldByRules(other));
        assertThat(KatakanaFolding.fold(word)).isNotEqualTo(KatakanaFolding.fold(other));
    }

    @ParameterizedTest
    @CsvSource({
        "ヴァイオリン, バイオリン",
        "ドライヴ, ドライブ",
        "ジュネーヴ, ジュネーブ",
        "ベートーヴェン, ベートーベン",
        "コンピュータ, コンピューター",
        "オシレーター, オシレータ",
        "ウィットコフ, ウィトコフ",
        "ウィンター, ウインター",
    })
    void spellingsOfOneWordStillShareTheirKey(String word, String other) {
        assertThat(KatakanaFolding.fold(word)).isEqualTo(KatakanaFolding.fold(other));
    }

    /**
     * Decision 0050: what a reader searches for. A search is the words field's terms of the query
     * against those of the article; each row is a query, a sentence of an article, and whether
     * the query's terms are all among the article's (found) or not. The words below differ from
     * the query only by what a rule folds (a final ー, ヴ, a small vowel, ッ), so without the
     * table (and before it, the keep-list) folding alone decided.
     */
    @ParameterizedTest
    @CsvSource({
        // a farmer is not the drug maker 住友ファーマ: UniDic knows ファーマ as pharma
        "ファーマー, 住友ファーマが決算を発表した, false",
        "ファーマー, 若いファーマーが畑を継いだ, true",
        // Witkoff, however the press spells him
        "ウィトコフ, ウィットコフ特使が到着した, true",
        "ウィットコフ, ウィトコフ氏が会談した, true",
        // a drummer is not a drama, a hacker not mint (the words the keep-list held)
        "ドラマー, 人気ドラマの撮影が始まった, false",
        "ハッカー, ハッカの香りが広がった, false",
        // a schemer is not a schema: UniDic knows スキーマ as its own word, without the mark
        "スキーマー, データベースのスキーマを変えた, false",
        // the technical spelling finds the press spelling: UniDic files both under one lemma
        "ヘッダ, ヘッダーを書き換えた, true",
        "クエリー, クエリを送った, true",
        "トランスデューサー, トランスデューサを交換した, true",
        // a name ending in ィ loses its ー, whether UniDic knows the long spelling or not
        "ジュディー, ジュディさんが歌った, true",
        // a vote is not a boat, a villa not a handbill (UniDic's glosses)
        "ヴォート, ボートが転覆した, false",
        "ヴィラ, ビラを配った, false",
        // violin, however it is spelled
        "バイオリン, ヴァイオリンの独奏会, true",
        // Salah the footballer is not Sarah: UniDic files サラー under サラ, but Sarah ends in -ah
        "サラー, サラさんが答えた, false",
        // Ye (the rapper) and the household (イエ制度): UniDic knows イエ only as 家
        "イェ, イエ制度の名残, false",
        // decision 0055: a final ー after ィ goes though UniDic holds シンディー as Sindhi
        "シンディー, シンディさんが来日した, true",
        // violet written in French is not Kao's brand, which UniDic knows only as a name
        "ヴィオレ, ビオレの新商品が出た, false",
        // spellings Kuromoji cuts apart (タコ and メータ) are given it as the dictionary spells them
        "タコメーター, 車のタコメータが壊れた, true",
        "ラボラトリ, ラボラトリーの研究員が発表した, true",
        "マキアート, マッキアートを頼んだ, true",
        "ウォールナット, ウオールナットの家具, true",
    })
    void aReaderSearchingAWordFindsItsSpellingsAndNotAnotherWord(String query, String article, boolean found) {
        List<String> queryTerms = terms(words, query);
        List<String> articleTerms = terms(words, article);
        assertThat(queryTerms).as("terms of %s", query).isNotEmpty();
        assertThat(articleTerms.containsAll(queryTerms)).as("%s %s in %s", queryTerms, found ? "found" : "not found",
                articleTerms).isEqualTo(found);
    }

    /** Decision 0050: the table is small and answers as the whole dictionary did (decision 0047). */
    @Test
    void theTableHoldsUniDicsKatakanaWordsOnly() {
        int[] size = UniDicLemmas.size();
        assertThat(size[0]).as("spellings").isBetween(70_000, 90_000);
        assertThat(size[1]).as("lemmas").isBetween(55_000, 75_000);
        assertThat(UniDicLemmas.of("ヴォート")).hasValueSatisfying(lemma -> assertThat(lemma.gloss()).isEqualTo("vote"));
        assertThat(UniDicLemmas.of("ボート")).hasValueSatisfying(lemma -> assertThat(lemma.gloss()).isEqualTo("boat"));
        assertThat(UniDicLemmas.of("ヴァイオリン").map(UniDicLemmas.Lemma::written)).hasValue("バイオリン");
        assertThat(UniDicLemmas.of("ガーナ")).hasValueSatisfying(lemma -> assertThat(lemma.properNoun()).isTrue());
        assertThat(UniDicLemmas.of("ウィトコフ")).isEmpty();
        assertThat(UniDicLemmas.of("ボ")).isEmpty();
        assertThat(UniDicLemmas.of("ボートレース")).isEmpty(); // UniDic cuts it in two: no whole word
    }

    @Test
    void differencesThatChangeTheWordAreNotFolded() {
        assertThat(KatakanaFolding.fold("ファン")).isNotEqualTo(KatakanaFolding.fold("フアン"));
        assertThat(KatakanaFolding.fold("ツアー")).isNotEqualTo(KatakanaFolding.fold("ツァー"));
        assertThat(KatakanaFolding.fold("ティア")).isNotEqualTo(KatakanaFolding.fold("チア"));
        assertThat(KatakanaFolding.fold("ビール")).isNotEqualTo(KatakanaFolding.fold("ビル"));
        assertThat(KatakanaFolding.fold("ボウリング")).isNotEqualTo(KatakanaFolding.fold("ボーリング"));
    }

    @Test
    void theShorterFormIsAskedOfTheDictionary() {
        // IPADIC knows ボルダー only as a name and マーラー only as a surname, and マーサ only as a
        // first name: none of them is a loanword whose mark may go
        assertThat(KatakanaFolding.fold("ボルダー")).isNotEqualTo(KatakanaFolding.fold("ボルダ"));
        assertThat(KatakanaFolding.fold("マーラー")).isNotEqualTo(KatakanaFolding.fold("マーラ"));
        assertThat(KatakanaFolding.fold("マーサー")).isNotEqualTo(KatakanaFolding.fold("マーサ"));
        // on three morae, a loanword that IPADIC also knows as a surname keeps it: シルバ is
        // Silva, not silver
        assertThat(KatakanaFolding.fold("シルバー")).isNotEqualTo(KatakanaFolding.fold("シルバ"));
        // a loanword the dictionary knows with the mark still loses it
        assertThat(KatakanaFolding.fold("モーター")).isEqualTo(KatakanaFolding.fold("モータ"));
        assertThat(KatakanaFolding.fold("ラジエーター")).isEqualTo(KatakanaFolding.fold("ラジエータ"));
    }

    @Test
    void separatorsAroundALatinInitialDoNotChangeTheKey() {
        assertThat(KatakanaFolding.fold("ジョン・F・ケネディ")).isEqualTo(KatakanaFolding.fold("ジョンFケネディ"));
        assertThat(KatakanaFolding.fold("ジョン・F・ケネディ")).isEqualTo(KatakanaFolding.fold("ジョン F ケネディ"));
        // not between Latin words
        assertThat(KatakanaFolding.fold("NTT・ドコモ")).isEqualTo("NTT・ドコモ");
    }

    @Test
    void theKeepListMatchesWholeNamePartsOnly() {
        // Decision 0050: the list keeps three words whose shorter form UniDic files under the long
        // word's lemma (ハッピ as happy), so that only the list keeps them apart.
        assertThat(KatakanaFolding.foldByRules("ハッピー")).isEqualTo("ハッピー");
        assertThat(KatakanaFolding.fold("ハッピー")).isEqualTo("ハッピー").isNotEqualTo(KatakanaFolding.fold("ハッピ"));
        assertThat(KatakanaFolding.foldIgnoringKeepList("ハッピー")).isEqualTo(KatakanaFolding.fold("ハッピ"));
        // The words it held before are kept apart by the table: drummer is not drama.
        assertThat(KatakanaFolding.foldByRules("ドラマー")).isEqualTo("ドラマ");
        assertThat(KatakanaFolding.fold("ドラマー")).isEqualTo("ドラマー");
        assertThat(KatakanaFolding.fold("ドラマーズ")).isEqualTo("ドラマーズ");
        assertThat(KatakanaFolding.fold("ジャズドラマー")).isEqualTo("ジャズドラマ");
    }

    @Test
    void theRespellingsMadeBeforeKuromojiDoNotChangeTheKey() throws IOException {
        for (Pair pair : concat(VARIANTS, LOOKALIKES)) {
            for (String word : List.of(pair.first(), pair.second())) {
                String respelled = KatakanaFolding.respellForKuromoji(KatakanaFolding.joinKatakanaParts(word));
                assertThat(KatakanaFolding.fold(respelled)).as(word).isEqualTo(KatakanaFolding.fold(word));
                if (word.chars().noneMatch(c -> c >= 0xFF00 && c <= 0xFFEF)) {
                    // (half- and full-width forms are changed by the width filter as well)
                    assertThat(throughCharFilter(word)).as(word).isEqualTo(respelled);
                }
            }
        }
        assertThat(KatakanaFolding.respellForKuromoji("ヴァンスとウィットコフ")).isEqualTo("バンスとウィットコフ");
    }

    /** What the words field's char filters make of {@code text}, read to the end. */
    private static String throughCharFilter(String text) throws IOException {
        try (Reader reader = JapaneseAnalysis.forKuromoji(new StringReader(text))) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[64];
            int n;
            while ((n = reader.read(buffer)) != -1) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        }
    }

    private static List<Pair> concat(List<Pair> first, List<Pair> second) {
        List<Pair> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void foldingIsIdempotent() {
        for (Pair pair : VARIANTS) {
            for (String word : List.of(pair.first(), pair.second())) {
                String once = KatakanaFolding.fold(word);
                assertThat(KatakanaFolding.fold(once)).as(word).isEqualTo(once);
            }
        }
    }
}
