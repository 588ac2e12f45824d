package jp.kawaraban.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeywordsTest {

    private static List<String> terms(List<Keyword> keywords) {
        return keywords.stream().map(Keyword::term).toList();
    }

    @Test
    void adjacentNounsBecomeOneTerm() {
        String body = "両国は停戦交渉の開始で一致した。外相会談では米ロ関係の改善も話し合った。";
        assertThat(terms(Keywords.extract("", body, 20))).contains("停戦交渉", "外相会談", "米ロ関係");
    }

    @Test
    void aSourceNameEveryArticleCarriesSinksBelowWhatTheArticleIsAbout() {
        // five short reports of our own, each credited to the same agency
        List<String> collection = List.of(
                "共同通信によると、北海道で大雪が続き、鉄道が運休した。共同通信",
                "共同通信によると、政府は補正予算案を閣議決定した。共同通信",
                "共同通信によると、関西の港で新しい客船が就航した。共同通信",
                "共同通信によると、将棋の名人戦で挑戦者が先勝した。共同通信",
                "共同通信によると、県警は詐欺の疑いで男を逮捕した。共同通信");
        DocumentFrequencies frequencies = DocumentFrequencies.ofKeywordTerms(collection);
        String body = "共同通信によると、東都電力は原発の稼働を延期した。稼働は来年になる。共同通信";

        assertThat(terms(Keywords.extract("", body, 1))).containsExactly("共同通信");
        List<String> weighed = terms(Keywords.extract("", body, 2, frequencies));
        assertThat(weighed).containsExactly("稼働", "東都電力");
    }

    @Test
    void nounTfIdfIsThePlainBaseline() {
        DocumentFrequencies frequencies = DocumentFrequencies.ofNouns(List.of("猫が鳴いた。", "犬が吠えた。", "猫と犬。"));
        assertThat(terms(Keywords.nounTfIdf("猫と鳥と鳥。", 1, frequencies))).containsExactly("鳥");
    }

    @Test
    void numbersPronounsAndGenericWordsAreDropped() {
        String body = "今回の会談は18日に3時間続いた。一方、関係者によると、これは第一歩にすぎない。";
        List<String> terms = terms(Keywords.extract("", body, 20));
        assertThat(terms).contains("会談", "第一歩");
        assertThat(terms).doesNotContain("今回", "一方", "関係者", "これ", "18", "18日", "3時間", "日", "時間");
        assertThat(terms).allSatisfy(term -> assertThat(term.codePointCount(0, term.length())).isGreaterThan(1));
    }

    @Test
    void aNameIsSplitFromTheTitleAfterIt() {
        String body = "ルビオ米国務長官とラブロフ露外相が会った。ウシャコフ大統領補佐官も同席した。";
        List<String> terms = terms(Keywords.extract("", body, 20));
        assertThat(terms).contains("ルビオ", "ラブロフ", "ウシャコフ");
        assertThat(terms).noneMatch(term -> term.contains("外相") || term.contains("補佐官") || term.startsWith("ルビオ米"));
    }

    @Test
    void symbolsBreakTermsAndFullWidthLettersAreNormalised() {
        String body = "ウォルツ大統領補佐官(国家安全保障担当)は、ＮＡＴＯ加盟について語った。";
        List<String> terms = terms(Keywords.extract("", body, 20));
        assertThat(terms).contains("国家安全保障担当", "NATO加盟");
        assertThat(terms).noneMatch(term -> term.contains("(") || term.contains(")"));
    }

    @Test
    void headlineAndLeadRaiseTheWeight() {
        String body = "停戦交渉が始まった。\n\n別の段落で制裁にふれた。";
        List<Keyword> plain = Keywords.extract("", body, 10);
        List<Keyword> withHeadline = Keywords.extract("制裁の行方", body, 10);
        double leadWeight = weight(plain, "停戦交渉");
        double bodyWeight = weight(plain, "制裁");
        assertThat(leadWeight).isEqualTo(1.5 * 1.25);
        assertThat(bodyWeight).isEqualTo(1.0);
        // the headline doubles 制裁 and counts one more occurrence
        assertThat(weight(withHeadline, "制裁")).isEqualTo(2.0 * (1 + Math.log(2)));
    }

    @Test
    void frequencyAndLengthRank() {
        String body = "短い前書き。\n\n協議は続く。協議は長い。協議の行方。首脳会談の日程。";
        List<Keyword> keywords = Keywords.extract("", body, 10);
        assertThat(keywords.get(0).term()).isEqualTo("協議");
        assertThat(weight(keywords, "協議")).isEqualTo(1 + Math.log(3));
        assertThat(weight(keywords, "首脳会談")).isEqualTo(1.25);
        assertThat(weight(keywords, "日程")).isEqualTo(1.0);
    }

    @Test
    void theRiyadhReportIsAboutTheTalks() throws IOException {
        String body = EntityCandidatesTest.demoArticle("hokuyo-riyadh-talks.md");
        String lead = "ルビオ米国務長官とラブロフ露外相は18日、サウジアラビアのリヤドで会談し、ウクライナでの戦闘終結に"
                + "向けてそれぞれ高官チームを指名することなどで合意した。米露首脳会談の日程は固まらなかった。";
        List<Keyword> keywords = Keywords.extract("米露外相がリヤドで会談 停戦へ高官チーム指名で合意",
                lead + "\n\n" + body, 10);
        assertThat(keywords).hasSize(10);
        assertThat(terms(keywords).subList(0, 5)).contains("会談", "高官チーム", "合意", "リヤド");
        assertThat(terms(keywords)).contains("米露首脳会談");
        assertThat(keywords).isSortedAccordingTo((a, b) -> Double.compare(b.weight(), a.weight()));
        // deterministic
        assertThat(Keywords.extract("米露外相がリヤドで会談 停戦へ高官チーム指名で合意", lead + "\n\n" + body, 10))
                .isEqualTo(keywords);
    }

    @Test
    void tiesKeepTheOrderOfFirstAppearance() {
        List<String> terms = terms(Keywords.extract("", "制裁と外交と経済", 10));
        assertThat(terms).containsExactly("制裁", "外交", "経済");
        assertThat(terms(Keywords.extract("経済", "制裁と外交と経済", 10))).first().isEqualTo("経済");
    }

    @Test
    void theLimitIsRespected() {
        String body = "停戦交渉と首脳会談と経済協力と大使館と在外公館";
        assertThat(Keywords.extract("", body, 2)).hasSize(2);
        assertThat(Keywords.extract("", body, 0)).isEmpty();
        assertThat(Keywords.extract("", body, -1)).isEmpty();
    }

    @Test
    void nullAndEmptyInputsGiveNothing() {
        assertThat(Keywords.extract(null, null, 10)).isEmpty();
        assertThat(Keywords.extract("", "  ", 10)).isEmpty();
        assertThat(Keywords.extract(null, "これはそれだ。", 10)).isEmpty();
        assertThat(terms(Keywords.extract("停戦交渉", null, 10))).containsExactly("停戦交渉");
    }

    private static double weight(List<Keyword> keywords, String term) {
        return keywords.stream().filter(k -> k.term().equals(term)).findFirst().orElseThrow().weight();
    }
}
