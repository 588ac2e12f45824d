package jp.kawaraban.text;

import static jp.kawaraban.text.AnalysisTestSupport.terms;
import static jp.kawaraban.text.AnalysisTestSupport.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.kawaraban.text.AnalysisTestSupport.Token;

class JapaneseAnalysisTest {

    private static Analyzer words;
    private static Analyzer bigrams;
    private static Analyzer numbers;

    @BeforeAll
    static void openAnalyzers() {
        words = JapaneseAnalysis.words();
        bigrams = JapaneseAnalysis.bigrams();
        numbers = JapaneseAnalysis.numbers();
    }

    @AfterAll
    static void closeAnalyzers() {
        words.close();
        bigrams.close();
        numbers.close();
    }

    // --- words ---

    @Test
    void searchModeSplitsCompounds() {
        assertThat(terms(words, "関西国際空港")).containsExactly("関西", "国際", "空港");
    }

    @Test
    void verbsAndAdjectivesAreIndexedInTheirBaseForm() {
        assertThat(terms(words, "会場まで走った")).contains("走る").doesNotContain("走っ");
        assertThat(terms(words, "寒かった")).contains("寒い");
    }

    @Test
    void particlesAndPunctuationAreDropped() {
        assertThat(terms(words, "特使は大統領と、会談した。")).containsExactly("特使", "大統領", "会談", "する");
    }

    @Test
    void halfWidthKatakanaAndFullWidthLatinAreNormalised() {
        assertThat(terms(words, "ｶﾀｶﾅ")).isEqualTo(terms(words, "カタカナ"));
        assertThat(terms(words, "ＡＢＣ")).containsExactly("abc");
        assertThat(terms(words, "ＮＡＴＯ加盟")).isEqualTo(terms(words, "NATO加盟"));
    }

    @Test
    void iterationMarksAreSpelledOut() {
        assertThat(terms(words, "時々")).isEqualTo(terms(words, "時時"));
        assertThat(terms(words, "人々")).isEqualTo(terms(words, "人人"));
    }

    @Test
    void aFinalLongVowelIsStemmedOnLongerKatakanaWords() {
        assertThat(terms(words, "コンピューター")).containsExactly("コンピュータ");
        assertThat(terms(words, "サーバー")).isEqualTo(terms(words, "サーバ"));
        assertThat(terms(words, "スキー")).containsExactly("スキー");
        assertThat(terms(words, "ドラマー")).isNotEqualTo(terms(words, "ドラマ"));
    }

    @Test
    void katakanaIsFoldedInTheWordsField() {
        assertThat(terms(words, "ウィットコフ特使")).isEqualTo(terms(words, "ウィトコフ特使"));
        assertThat(terms(words, "ヴァイオリン奏者")).isEqualTo(terms(words, "バイオリン奏者"));
        assertThat(terms(words, "ゼレンスキー大統領")).isEqualTo(terms(words, "ゼレンスキ大統領"));
    }

    @Test
    void wordOffsetsPointAtTheSpellingInTheText() {
        String text = "米特使ウィットコフ氏";
        Token witkoff = tokens(words, text).stream()
                .filter(token -> token.term().equals(KatakanaFolding.fold("ウィトコフ")))
                .findFirst().orElseThrow();
        assertThat(text.substring(witkoff.start(), witkoff.end())).isEqualTo("ウィットコフ");
    }

    @Test
    void numbersKeepTheirWrittenFormInTheWordsField() {
        // The words field does not turn kanji numerals into digits (that would break words
        // such as 一石二鳥); digits stay as written, after width normalisation.
        assertThat(terms(words, "二千二十五年")).doesNotContain("2025");
        assertThat(terms(words, "一石二鳥")).containsExactly("一", "石", "二", "鳥");
        assertThat(terms(words, "２０２５年")).contains("2025");
    }

    // --- user dictionary ---

    @Test
    void theUserDictionaryKeepsNewsNamesWhole() {
        for (String name : List.of("ウィットコフ", "ウィトコフ", "ゼレンスキー", "シルスキー", "ボロジン",
                "エルドアン", "ファーウェイ", "オーバーツーリズム")) {
            assertThat(terms(words, name + "氏は")).as(name).first().isEqualTo(KatakanaFolding.fold(name).toLowerCase());
        }
    }

    @Test
    void withoutTheUserDictionaryIpadicSplitsSomeOfThoseNames() throws IOException {
        assertThat(surfaces(null, "シルスキー氏")).startsWith("シル", "スキー");
        assertThat(surfaces(NewsUserDictionary.get(), "シルスキー氏")).startsWith("シルスキー");
        assertThat(surfaces(null, "ファーウェイ")).containsExactly("ファー", "ウェイ");
        assertThat(surfaces(NewsUserDictionary.get(), "ファーウェイ")).containsExactly("ファーウェイ");
    }

    @Test
    void userDictionaryNamesCarryANamePartOfSpeech() throws IOException {
        assertThat(partsOfSpeech(NewsUserDictionary.get(), "ウィットコフ特使")).first()
                .isEqualTo("名詞-固有名詞-人名-姓");
        assertThat(partsOfSpeech(NewsUserDictionary.get(), "キーウ市")).first()
                .isEqualTo("名詞-固有名詞-地域-一般");
    }

    @Test
    void userDictionaryEntriesAreRespelledLikeTheText() throws IOException {
        UserDictionary small = NewsUserDictionary.parse(new StringReader(
                "# a comment\nヴェスナフカ,ヴェスナフカ,ヴェスナフカ,名詞-固有名詞-人名-姓\n"));
        assertThat(surfaces(small, "ヴェスナフカ氏")).startsWith("ベスナフカ");
        assertThat(surfaces(small, "ベスナフカ氏")).startsWith("ベスナフカ");
    }

    @Test
    void aSegmentedEntryPutsTheNamePartsBack() throws IOException {
        assertThat(surfaces(NewsUserDictionary.get(), "ジャンクロード氏")).startsWith("ジャン", "クロード");
        assertThat(terms(words, "ジャンクロード")).isEqualTo(terms(words, "ジャン＝クロード"));
    }

    @Test
    void malformedUserDictionaryLinesAreRejected() {
        assertThatThrownBy(() -> NewsUserDictionary.parse(new StringReader("ウィトコフ,ウィトコフ,ウィトコフ\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> NewsUserDictionary.parse(new StringReader("ジャンクロード,ジャン ロード,ジャン ロード,名詞\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not spell");
        assertThatThrownBy(() -> NewsUserDictionary.parse(new StringReader("ジャンクロード,ジャン クロード,ジャンクロード,名詞\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one reading per segment");
    }

    /** The surfaces Kuromoji gives for {@code text}, read the way the words field reads it. */
    private static List<String> surfaces(UserDictionary dictionary, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (JapaneseTokenizer tokenizer = new JapaneseTokenizer(dictionary, true, JapaneseTokenizer.Mode.SEARCH)) {
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            tokenizer.setReader(JapaneseAnalysis.forKuromoji(new StringReader(text)));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                out.add(term.toString());
            }
            tokenizer.end();
        }
        return out;
    }

    private static List<String> partsOfSpeech(UserDictionary dictionary, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (JapaneseTokenizer tokenizer = new JapaneseTokenizer(dictionary, true, JapaneseTokenizer.Mode.SEARCH)) {
            PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);
            tokenizer.setReader(JapaneseAnalysis.forKuromoji(new StringReader(text)));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                out.add(pos.getPartOfSpeech());
            }
            tokenizer.end();
        }
        return out;
    }

    // --- bigrams ---

    @Test
    void bigramsCoverAWordTheDictionaryDoesNotKnow() {
        // A made-up place name: the words field cannot know it, the bigram field still
        // indexes every pair of characters, so a query for part of it matches.
        assertThat(terms(bigrams, "霞ヶ原町で")).contains("霞ヶ", "ヶ原", "原町");
        assertThat(terms(bigrams, "鴇草村の")).contains("鴇草", "草村");
        assertThat(terms(bigrams, "鴇草村の")).containsAll(terms(bigrams, "鴇草"));
    }

    @Test
    void bigramsKeepLatinWordsWholeAndLowerCase() {
        assertThat(terms(bigrams, "ＮＡＴＯ首脳")).containsExactly("nato", "首脳");
    }

    @Test
    void katakanaIsFoldedBeforeBigrams() {
        assertThat(terms(bigrams, "ウィットコフ特使")).isEqualTo(terms(bigrams, "ウィトコフ特使"));
        assertThat(terms(bigrams, "ヴァイオリン")).isEqualTo(terms(bigrams, "バイオリン"));
        assertThat(terms(bigrams, "ｳｨｯﾄｺﾌ")).isEqualTo(terms(bigrams, "ウィトコフ"));
    }

    @Test
    void bigramOffsetsOfAFoldedRunCoverTheRunAsWritten() {
        String text = "米特使ウィットコフ氏";
        List<Token> tokens = tokens(bigrams, text);
        for (Token token : tokens) {
            assertThat(token.start()).isBetween(0, text.length());
            assertThat(token.end()).isBetween(token.start(), text.length());
        }
        for (int i = 1; i < tokens.size(); i++) {
            assertThat(tokens.get(i).start()).isGreaterThanOrEqualTo(tokens.get(i - 1).start());
        }
        Token first = tokens.stream().filter(token -> token.term().equals("ウイ")).findFirst().orElseThrow();
        assertThat(text.substring(first.start(), first.end())).isEqualTo("ウィットコフ");
    }

    @Test
    void bigramOffsetsOfAnUnchangedRunAreExact() {
        String text = "米特使ウィトコフ氏";
        Token first = tokens(bigrams, text).stream().filter(token -> token.term().equals("ウイ")).findFirst().orElseThrow();
        assertThat(text.substring(first.start(), first.end())).isEqualTo("ウィ");
    }

    // --- numbers ---

    @Test
    void numbersAreNormalisedInTheirOwnField() {
        assertThat(terms(numbers, "二千二十五年")).containsExactly("2025");
        assertThat(terms(numbers, "２０２５年")).containsExactly("2025");
        assertThat(terms(numbers, "2,025人")).containsExactly("2025");
        assertThat(terms(numbers, "会談は3時間半、2月18日")).containsExactly("3", "2", "18");
    }

    @Test
    void theNumbersFieldHasNothingButNumbers() {
        assertThat(terms(numbers, "ウィットコフ特使が会談した")).isEmpty();
    }
}
