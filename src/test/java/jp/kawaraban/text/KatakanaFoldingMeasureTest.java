package jp.kawaraban.text;

import static jp.kawaraban.text.AnalysisTestSupport.readPairs;
import static jp.kawaraban.text.AnalysisTestSupport.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.kawaraban.text.AnalysisTestSupport.Pair;

/**
 * Folding measured on two lists written for issue 19 after the rules, and never used to
 * tune them (unlike variant-pairs.tsv and distinct-lookalikes.tsv, which grew with the
 * rules): how many true variants merge, how many different words do, in the key and in
 * the search terms of the words field. The thresholds are those of the issue.
 */
class KatakanaFoldingMeasureTest {

    private static final List<Pair> VARIANTS = readPairs("/text/unseen-variant-pairs.tsv");
    private static final List<Pair> DISTINCT = readPairs("/text/unseen-distinct-pairs.tsv");
    private static final List<Pair> FRESH_VARIANTS = readPairs("/text/fresh-variant-pairs.tsv");
    private static final List<Pair> FRESH_DISTINCT = readPairs("/text/fresh-distinct-pairs.tsv");
    /** The third round's lists (decision 0043), kept with the bench that prints them (bench/folding.sh). */
    private static final List<Pair> THIRD_VARIANTS = readPairs(Path.of("bench/lists/fold-variants-third.tsv"));
    private static final List<Pair> THIRD_DISTINCT = readPairs(Path.of("bench/lists/fold-distinct-third.tsv"));
    /** The fourth round's (decision 0047), written before the fold asked UniDic. */
    private static final List<Pair> FOURTH_VARIANTS = readPairs(Path.of("bench/lists/fold-variants-fourth.tsv"));
    private static final List<Pair> FOURTH_DISTINCT = readPairs(Path.of("bench/lists/fold-distinct-fourth.tsv"));
    /** The fifth round's (decision 0050), written before the fold read the UniDic table: the unseen figure. */
    private static final List<Pair> FIFTH_VARIANTS = readPairs(Path.of("bench/lists/fold-variants-fifth.tsv"));
    private static final List<Pair> FIFTH_DISTINCT = readPairs(Path.of("bench/lists/fold-distinct-fifth.tsv"));
    /** The sixth round's (decision 0055), written before that change: the rules were then changed reading it. */
    private static final List<Pair> SIXTH_VARIANTS = readPairs(Path.of("bench/lists/fold-variants-sixth.tsv"));
    private static final List<Pair> SIXTH_DISTINCT = readPairs(Path.of("bench/lists/fold-distinct-sixth.tsv"));
    /**
     * The seventh round's (decision 0055), written with the sixth and held out: only its totals are printed,
     * so that the rules are never changed reading its pairs; it gives the unseen figure of the final code.
     */
    private static final List<Pair> SEVENTH_VARIANTS = readPairs(Path.of("bench/lists/fold-variants-seventh.tsv"));
    private static final List<Pair> SEVENTH_DISTINCT = readPairs(Path.of("bench/lists/fold-distinct-seventh.tsv"));

    private static Analyzer words;

    @BeforeAll
    static void openAnalyzer() {
        words = JapaneseAnalysis.words();
    }

    @AfterAll
    static void closeAnalyzer() {
        words.close();
    }

    @Test
    void theListsAreLargeEnough() {
        assertThat(VARIANTS).hasSizeGreaterThanOrEqualTo(60);
        assertThat(DISTINCT).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void variantsMergeAndDifferentWordsStayApart() {
        List<Pair> keyMisses = new ArrayList<>();
        List<Pair> termMisses = new ArrayList<>();
        for (Pair pair : VARIANTS) {
            if (!sameKey(pair)) {
                keyMisses.add(pair);
            }
            if (!sameTerms(pair)) {
                termMisses.add(pair);
            }
        }
        List<Pair> keyMerges = new ArrayList<>();
        List<Pair> termMerges = new ArrayList<>();
        for (Pair pair : DISTINCT) {
            if (sameKey(pair)) {
                keyMerges.add(pair);
            }
            if (sameTerms(pair)) {
                termMerges.add(pair);
            }
        }
        int variants = VARIANTS.size();
        int distinct = DISTINCT.size();
        System.out.printf("unseen lists, fold: variant recall %d/%d, false merges %d/%d%n",
                variants - keyMisses.size(), variants, keyMerges.size(), distinct);
        System.out.printf("unseen lists, words analyzer: variant recall %d/%d, false merges %d/%d%n",
                variants - termMisses.size(), variants, termMerges.size(), distinct);
        System.out.println("  fold misses: " + keyMisses);
        System.out.println("  term misses: " + termMisses);
        System.out.println("  fold merges: " + keyMerges);
        System.out.println("  term merges: " + termMerges);

        assertThat(variants - keyMisses.size()).as("variants with one key, of %d: %s", variants, keyMisses)
                .isGreaterThanOrEqualTo(atLeast(0.98, variants));
        assertThat(variants - termMisses.size()).as("variants with the same terms, of %d: %s", variants, termMisses)
                .isGreaterThanOrEqualTo(atLeast(0.98, variants));
        // Issue 19 asks for 3 % at most: 1 of 42 since the shorter form was asked of IPADIC
        // (テンプラー, whose テンプラ it knows as a common word), none since UniDic's table is
        // asked too (decision 0050: Templar is not tempura).
        assertThat(keyMerges.size()).as("different words with one key, of %d: %s", distinct, keyMerges)
                .isLessThanOrEqualTo(atMost(0.03, distinct));
        assertThat(termMerges.size()).as("different words with the same terms, of %d: %s", distinct, termMerges)
                .isLessThanOrEqualTo(atMost(0.03, distinct));
    }

    /**
     * The lists written on 6 December 2026 after the rules (decision 0038). By the rules alone
     * the variants all merged and five of 24 different words did; since the UniDic table
     * (decisions 0047 and 0050) ヴィラ/ビラ and ヴェスト/ベスト (villa, vest: B-row words of
     * their own) and ブレンダー/ブレンダ stay apart, and ローダー and ランナー, whose short forms
     * UniDic files under the long words, still merge. Asserted at what is reached.
     */
    @Test
    void freshListsWrittenAfterTheRules() {
        int variants = FRESH_VARIANTS.size();
        List<Pair> keyMisses = FRESH_VARIANTS.stream().filter(pair -> !sameKey(pair)).toList();
        List<Pair> termMisses = FRESH_VARIANTS.stream().filter(pair -> !sameTerms(pair)).toList();
        List<Pair> keyMerges = FRESH_DISTINCT.stream().filter(KatakanaFoldingMeasureTest::sameKey).toList();
        System.out.printf("fresh lists, fold: variant recall %d/%d, false merges %d/%d %s%n",
                variants - keyMisses.size(), variants, keyMerges.size(), FRESH_DISTINCT.size(), keyMerges);
        assertThat(FRESH_VARIANTS).hasSizeGreaterThanOrEqualTo(60);
        assertThat(FRESH_DISTINCT).hasSizeGreaterThanOrEqualTo(20);
        assertThat(variants - keyMisses.size()).as("variants with one key: %s", keyMisses)
                .isGreaterThanOrEqualTo(atLeast(0.98, variants));
        assertThat(variants - termMisses.size()).as("variants with the same terms: %s", termMisses)
                .isGreaterThanOrEqualTo(atLeast(0.98, variants));
        // 5 of 24 by the rules alone, 2 since the UniDic table (decision 0050): a change may lower it.
        assertThat(keyMerges.size()).as("different words with one key: %s", keyMerges).isLessThanOrEqualTo(2);
    }

    /**
     * The lists of the third round, written before the fold changed (decision 0043), counted
     * per rule that could merge the pair. Printed for bench/folding.sh; asserted at what is
     * reached, so that a change that merges more different words, or fewer variants, fails.
     */
    @Test
    void thirdRoundListsPerRule() {
        assertThat(THIRD_VARIANTS).hasSizeGreaterThanOrEqualTo(60);
        assertThat(THIRD_DISTINCT).hasSizeGreaterThanOrEqualTo(60);
        List<Pair> keyMisses = THIRD_VARIANTS.stream().filter(pair -> !sameKey(pair)).toList();
        List<Pair> termMisses = THIRD_VARIANTS.stream().filter(pair -> !sameTerms(pair)).toList();
        Map<String, List<Pair>> distinctByRule = byRule(THIRD_DISTINCT);
        Map<String, List<Pair>> variantsByRule = byRule(THIRD_VARIANTS);
        System.out.printf("third round, fold: variant recall %d/%d (%.1f %%), with the same search terms %d/%d%n",
                THIRD_VARIANTS.size() - keyMisses.size(), THIRD_VARIANTS.size(),
                100.0 * (THIRD_VARIANTS.size() - keyMisses.size()) / THIRD_VARIANTS.size(),
                THIRD_VARIANTS.size() - termMisses.size(), THIRD_VARIANTS.size());
        variantsByRule.forEach((rule, pairs) -> System.out.printf("  variants, %-22s %d/%d merged%n", rule + ":",
                pairs.stream().filter(KatakanaFoldingMeasureTest::sameKey).count(), pairs.size()));
        System.out.println("  variants apart: " + keyMisses);
        List<Pair> merges = THIRD_DISTINCT.stream().filter(KatakanaFoldingMeasureTest::sameKey).toList();
        System.out.printf("third round, fold: false merges %d/%d (%.1f %%)%n", merges.size(), THIRD_DISTINCT.size(),
                100.0 * merges.size() / THIRD_DISTINCT.size());
        distinctByRule.forEach((rule, pairs) -> {
            List<Pair> merged = pairs.stream().filter(KatakanaFoldingMeasureTest::sameKey).toList();
            System.out.printf("  different words, %-22s %d/%d merged %s%n", rule + ":", merged.size(), pairs.size(),
                    merged.stream().map(pair -> pair.first() + "/" + pair.second()).toList());
        });
        assertThat(THIRD_VARIANTS.size() - keyMisses.size()).as("variants with one key: %s", keyMisses)
                .isGreaterThanOrEqualTo(atLeast(0.98, THIRD_VARIANTS.size()));
        assertThat(merges.size()).as("different words with one key: %s", merges).isLessThanOrEqualTo(THIRD_MERGES_REACHED);
    }

    /**
     * What the third round's different-word list merges today, the seven pairs joined by a
     * separator included (27 by decision 0043's rules, 12 since the UniDic table of decision
     * 0050); a change may lower it, not raise it.
     */
    private static final int THIRD_MERGES_REACHED = 12;

    /**
     * The fourth round (decision 0047): lists written before the fold asked UniDic, with no word
     * of an earlier list. Asserted at what is reached, so that a change may better it, not worsen it.
     */
    @Test
    void fourthRoundListsPerRule() {
        Counts counts = countPerRule("fourth", FOURTH_VARIANTS, FOURTH_DISTINCT);
        assertThat(counts.recall()).as("variants with one key").isGreaterThanOrEqualTo(FOURTH_RECALL_REACHED);
        assertThat(counts.merges()).as("different words with one key, separators apart")
                .isLessThanOrEqualTo(FOURTH_MERGES_REACHED);
    }

    /**
     * The fifth round (decision 0050): lists written and committed before the fold read the UniDic
     * table, with no word of an earlier list; the unseen figure of that change. Asserted at what is
     * reached.
     */
    @Test
    void fifthRoundListsPerRule() {
        Counts counts = countPerRule("fifth", FIFTH_VARIANTS, FIFTH_DISTINCT);
        assertThat(counts.recall()).as("variants with one key").isGreaterThanOrEqualTo(FIFTH_RECALL_REACHED);
        assertThat(counts.merges()).as("different words with one key, separators apart")
                .isLessThanOrEqualTo(FIFTH_MERGES_REACHED);
    }

    /**
     * The sixth round (decision 0055): lists written and committed before that change, with no word of
     * an earlier list. Asserted at what is reached.
     */
    @Test
    void sixthRoundListsPerRule() {
        Counts counts = countPerRule("sixth", SIXTH_VARIANTS, SIXTH_DISTINCT);
        assertThat(counts.recall()).as("variants with one key").isGreaterThanOrEqualTo(SIXTH_RECALL_REACHED);
        assertThat(counts.merges()).as("different words with one key, separators apart")
                .isLessThanOrEqualTo(SIXTH_MERGES_REACHED);
    }

    /**
     * The seventh round (decision 0055), held out: its totals are printed and its pairs are not, so
     * that no rule is changed reading them. Asserted at the figure of the final code, measured once.
     */
    @Test
    void seventhRoundListsHeldOut() {
        Counts counts = countTotals("seventh", SEVENTH_VARIANTS, SEVENTH_DISTINCT);
        assertThat(counts.recall()).as("variants with one key").isGreaterThanOrEqualTo(SEVENTH_RECALL_REACHED);
        assertThat(counts.merges()).as("different words with one key, separators apart")
                .isLessThanOrEqualTo(SEVENTH_MERGES_REACHED);
    }

    /**
     * What the sixth and seventh rounds' lists give (decision 0055; on main before it: 157/160 and
     * 6/58, 153/158 and 8/56); a change may better them, not worsen them. The seventh's figures were
     * read once, on the final code of decision 0055.
     */
    private static final int SIXTH_RECALL_REACHED = 158;
    private static final int SIXTH_MERGES_REACHED = 5;
    private static final int SEVENTH_RECALL_REACHED = 153;
    private static final int SEVENTH_MERGES_REACHED = 8;

    /**
     * What the fourth and fifth rounds' lists give today (decision 0050; on main before it: 91/93
     * and 34/57, 125/133 and 22/62; the fourth's merges 18 until decision 0055); a change may
     * better them, not worsen them.
     */
    private static final int FOURTH_RECALL_REACHED = 90;
    private static final int FOURTH_MERGES_REACHED = 17;
    private static final int FIFTH_RECALL_REACHED = 132;
    private static final int FIFTH_MERGES_REACHED = 9;

    /** Variants with one key, and different words with one key leaving out those joined by a separator. */
    private record Counts(int recall, int merges) {
    }

    /**
     * Counts and prints a round's lists: variants with one key, different words with one key
     * (those joined only by a separator apart: the issue wants them merged), per rule, and the
     * pairs whose key is one but whose search terms are not.
     */
    private static Counts countPerRule(String round, List<Pair> variants, List<Pair> distinct) {
        assertThat(variants).hasSizeGreaterThanOrEqualTo(60);
        assertThat(distinct).hasSizeGreaterThanOrEqualTo(60);
        List<Pair> separated = distinct.stream().filter(KatakanaFoldingMeasureTest::joinedBySeparator).toList();
        List<Pair> different = distinct.stream().filter(pair -> !joinedBySeparator(pair)).toList();
        List<Pair> misses = variants.stream().filter(pair -> !sameKey(pair)).toList();
        List<Pair> merges = different.stream().filter(KatakanaFoldingMeasureTest::sameKey).toList();
        List<Pair> mergeable = different.stream().filter(pair -> !shortBeforeFinalLongVowel(pair)).toList();
        System.out.printf("%s round, fold: variant recall %d/%d (%.1f %%), false merges %d/%d (%.1f %%),"
                        + " of them with three morae or more before a final ー, or another rule %d/%d,"
                        + " separators (merged on purpose) %d/%d%n", round,
                variants.size() - misses.size(), variants.size(), 100.0 * (variants.size() - misses.size()) / variants.size(),
                merges.size(), different.size(), 100.0 * merges.size() / different.size(),
                mergeable.stream().filter(KatakanaFoldingMeasureTest::sameKey).count(), mergeable.size(),
                separated.stream().filter(KatakanaFoldingMeasureTest::sameKey).count(), separated.size());
        byRule(variants).forEach((rule, pairs) -> System.out.printf("  variants, %-22s %d/%d merged, apart: %s%n",
                rule + ":", pairs.stream().filter(KatakanaFoldingMeasureTest::sameKey).count(), pairs.size(),
                names(pairs.stream().filter(pair -> !sameKey(pair)).toList())));
        byRule(different).forEach((rule, pairs) -> System.out.printf("  different words, %-22s %d/%d merged %s%n",
                rule + ":", pairs.stream().filter(KatakanaFoldingMeasureTest::sameKey).count(), pairs.size(),
                names(pairs.stream().filter(KatakanaFoldingMeasureTest::sameKey).toList())));
        List<Pair> termMisses = variants.stream().filter(pair -> !sameTerms(pair)).toList();
        List<Pair> termMerges = different.stream().filter(KatakanaFoldingMeasureTest::sameTerms).toList();
        System.out.printf("%s round, words analyzer: variants with the same search terms %d/%d, different words"
                        + " with the same search terms %d/%d%n", round, variants.size() - termMisses.size(), variants.size(),
                termMerges.size(), different.size());
        List<Pair> oneKeyTwoTerms = concat(variants, distinct).stream()
                .filter(pair -> sameKey(pair) && !sameTerms(pair)).toList();
        System.out.printf("%s round, pairs with one key but other search terms: %d %s%n", round,
                oneKeyTwoTerms.size(), names(oneKeyTwoTerms));
        return new Counts(variants.size() - misses.size(), merges.size());
    }

    /**
     * A held-out round's totals, without naming a pair: variants with one key, different words with one
     * key (separators apart; and apart again those of one or two morae before a final ー, which the
     * documented rules never merge), per rule as counts, and how many pairs have one key but other terms.
     */
    private static Counts countTotals(String round, List<Pair> variants, List<Pair> distinct) {
        assertThat(variants).hasSizeGreaterThanOrEqualTo(60);
        assertThat(distinct).hasSizeGreaterThanOrEqualTo(50);
        List<Pair> different = distinct.stream().filter(pair -> !joinedBySeparator(pair)).toList();
        long separatedMerged = distinct.stream().filter(KatakanaFoldingMeasureTest::joinedBySeparator)
                .filter(KatakanaFoldingMeasureTest::sameKey).count();
        long separated = distinct.size() - different.size();
        int recall = (int) variants.stream().filter(KatakanaFoldingMeasureTest::sameKey).count();
        int merges = (int) different.stream().filter(KatakanaFoldingMeasureTest::sameKey).count();
        List<Pair> mergeable = different.stream().filter(pair -> !shortBeforeFinalLongVowel(pair)).toList();
        long mergeableMerged = mergeable.stream().filter(KatakanaFoldingMeasureTest::sameKey).count();
        System.out.printf("%s round (held out), fold: variant recall %d/%d (%.1f %%), false merges %d/%d (%.1f %%),"
                        + " of them with three morae or more before a final ー, or another rule %d/%d,"
                        + " separators (merged on purpose) %d/%d%n", round,
                recall, variants.size(), 100.0 * recall / variants.size(), merges, different.size(),
                100.0 * merges / different.size(), mergeableMerged, mergeable.size(), separatedMerged, separated);
        byRule(variants).forEach((rule, pairs) -> System.out.printf("  variants, %-22s %d/%d merged%n", rule + ":",
                pairs.stream().filter(KatakanaFoldingMeasureTest::sameKey).count(), pairs.size()));
        byRule(different).forEach((rule, pairs) -> System.out.printf("  different words, %-22s %d/%d merged%n",
                rule + ":", pairs.stream().filter(KatakanaFoldingMeasureTest::sameKey).count(), pairs.size()));
        long termRecall = variants.stream().filter(KatakanaFoldingMeasureTest::sameTerms).count();
        long termMerges = different.stream().filter(KatakanaFoldingMeasureTest::sameTerms).count();
        long oneKeyTwoTerms = concat(variants, distinct).stream().filter(pair -> sameKey(pair) && !sameTerms(pair)).count();
        System.out.printf("%s round (held out), words analyzer: variants with the same search terms %d/%d, different"
                        + " words with the same search terms %d/%d, pairs with one key but other search terms: %d%n",
                round, termRecall, variants.size(), termMerges, different.size(), oneKeyTwoTerms);
        return new Counts(recall, merges);
    }

    /**
     * A pair that differs by a final ー after one or two morae (ドロー, ドロ): the documented rules never
     * merge it (but after ィ), so it is counted apart as well as in the total.
     */
    static boolean shortBeforeFinalLongVowel(Pair pair) {
        String longer = pair.first().length() > pair.second().length() ? pair.first() : pair.second();
        String shorter = longer == pair.first() ? pair.second() : pair.first();
        if (!longer.endsWith("ー") || !longer.substring(0, longer.length() - 1).equals(shorter)) {
            return false;
        }
        int morae = 0;
        for (int i = 0; i < shorter.length(); i++) {
            if ("ァィゥェォャュョヮ".indexOf(shorter.charAt(i)) < 0) {
                morae++;
            }
        }
        return morae <= 2 && !shorter.endsWith("ィ");
    }

    private static boolean joinedBySeparator(Pair pair) {
        return (pair.first() + pair.second()).matches(".*[・＝= ].*");
    }

    private static List<String> names(List<Pair> pairs) {
        return pairs.stream().map(pair -> pair.first() + "/" + pair.second()).toList();
    }

    /** The rule that could merge a pair, read off its spellings. */
    private static Map<String, List<Pair>> byRule(List<Pair> pairs) {
        Map<String, List<Pair>> groups = new LinkedHashMap<>();
        for (Pair pair : pairs) {
            String both = pair.first() + pair.second();
            String rule;
            if (joinedBySeparator(pair)) {
                rule = "separators";
            } else if (both.contains("ヴ")) {
                rule = "ヴ and the B row";
            } else if (pair.first().endsWith("ー") != pair.second().endsWith("ー")) {
                rule = "final ー";
            } else if (pair.first().contains("ッ") != pair.second().contains("ッ")) {
                rule = "ッ";
            } else if (both.matches(".*[ウフクグイ][ァィェォ].*")) {
                rule = "small vowels";
            } else {
                rule = "other";
            }
            groups.computeIfAbsent(rule, key -> new ArrayList<>()).add(pair);
        }
        return groups;
    }

    /** Equal keys must mean equal search terms, or a search misses what following finds. */
    @Test
    void pairsWithOneKeyGiveTheSameSearchTerms() {
        List<Pair> apart = new ArrayList<>();
        List<Pair> all = concat(concat(VARIANTS, DISTINCT), concat(FRESH_VARIANTS, FRESH_DISTINCT));
        all = concat(all, concat(concat(THIRD_VARIANTS, THIRD_DISTINCT), concat(FOURTH_VARIANTS, FOURTH_DISTINCT)));
        all = concat(all, concat(concat(FIFTH_VARIANTS, FIFTH_DISTINCT), concat(SIXTH_VARIANTS, SIXTH_DISTINCT)));
        // the seventh round is held out: seventhRoundListsHeldOut counts its pairs of one key and other terms
        for (Pair pair : all) {
            if (sameKey(pair) && !sameTerms(pair)) {
                apart.add(pair);
            }
        }
        assertThat(apart).as("pairs that fold alike but are searched differently").isEmpty();
    }

    private static boolean sameKey(Pair pair) {
        return KatakanaFolding.fold(pair.first()).equals(KatakanaFolding.fold(pair.second()));
    }

    private static boolean sameTerms(Pair pair) {
        return terms(words, pair.first()).equals(terms(words, pair.second()));
    }

    private static int atLeast(double share, int of) {
        return (int) Math.ceil(share * of);
    }

    private static int atMost(double share, int of) {
        return (int) Math.floor(share * of);
    }

    private static List<Pair> concat(List<Pair> first, List<Pair> second) {
        List<Pair> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
