package jp.kawaraban.search.ranking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.kawaraban.search.IndexedArticle;
import jp.kawaraban.search.Similar;
import jp.kawaraban.text.JapaneseAnalysis;
import org.apache.lucene.analysis.Analyzer;

/**
 * Turns the index's candidates into recommendations: favours articles close in time to the
 * one being read (and newer ones over older), leaves out near-duplicates — the same story
 * filed again, e.g. imported from a partner — and names what each shares with the article.
 * Both engines hand their candidates to this one class (decision 0036), so the embedded index
 * and OpenSearch recommend by the same rules.
 */
public final class Recommendations {

    /** Headlines sharing this share of their bigrams are the same story. */
    private static final double SAME_STORY = 0.6;
    /** Bodies agreeing in this share of their MinHash slots are the same text, reworded at most. */
    private static final double SAME_TEXT = 0.5;
    private static final Duration REWRITE_WINDOW = Duration.ofDays(2);
    private static final double REWRITE_HEADLINE = 0.25;
    private static final double REWRITE_TEXT = 0.15;
    /** How fast relatedness fades with the time between two articles. */
    private static final double FADE_DAYS = 90;

    private Recommendations() {
    }

    /**
     * How many candidates the engine's query finds for the re-ranking: more than a list needs,
     * since the query only gathers them and the cosine orders them (on the imported livedoor
     * text: 40 → 100 gained 0.005, 100 → 150 another 0.003, docs/benchmarks.md).
     */
    public static final int CANDIDATES = 150;

    /**
     * A candidate found by the engine's query, before re-ranking.
     *
     * @param score the similarity of the two articles' {@link WordVector}s (their cosine, a long
     *              candidate's taken down by its length, decision 0052): the engine's query score
     *              is left out (mixing in a fifth of it lost 0.014 precision@5 on the imported
     *              livedoor text), so shared entities find candidates but do not order them
     */
    public record Candidate(IndexedArticle article, float score, String fingerprint) {
    }

    public static List<Similar> choose(IndexedArticle source, String sourceFingerprint,
                                       List<Candidate> candidates, int limit, Analyzer bigrams) {
        Story sourceStory = new Story(source, sourceFingerprint, headlineGrams(bigrams, source.headline()));
        List<Ranked> ranked = new ArrayList<>();
        for (var candidate : candidates) {
            ranked.add(new Ranked(candidate.article(), candidate.fingerprint(),
                    candidate.score() * (float) timeFactor(source, candidate.article())));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
        List<Similar> chosen = new ArrayList<>();
        List<Story> chosenStories = new ArrayList<>();
        for (Ranked candidate : ranked) {
            if (chosen.size() == limit) {
                break;
            }
            Story story = new Story(candidate.article(), candidate.fingerprint(),
                    headlineGrams(bigrams, candidate.article().headline()));
            if (story.sameAs(sourceStory) || chosenStories.stream().anyMatch(story::sameAs)) {
                continue;
            }
            chosenStories.add(story);
            chosen.add(new Similar(candidate.article().id(), candidate.score(), candidate.article().publishedAt(),
                    shared(source.entityIds(), candidate.article().entityIds()),
                    shared(source.keywords(), candidate.article().keywords())));
        }
        return chosen;
    }

    /** 1 for the same moment, fading with the days between; newer than the source by a little more. */
    static double timeFactor(IndexedArticle source, IndexedArticle other) {
        double days = Math.abs(Duration.between(source.publishedAt(), other.publishedAt()).toHours()) / 24.0;
        double fade = 0.6 + 0.4 * Math.exp(-days / FADE_DAYS);
        return other.publishedAt().isAfter(source.publishedAt()) ? fade * 1.05 : fade;
    }

    /** An article as far as telling "the same story" goes. */
    private record Story(IndexedArticle article, String fingerprint, Set<String> headline) {

        /**
         * The same story: nearly the same headline or text, or — for a rewrite such as a
         * partner's version of the same event — filed within two days with a headline and a
         * wording that overlap clearly more than related stories do.
         */
        boolean sameAs(Story other) {
            double headlines = overlap(headline, other.headline());
            double texts = Fingerprint.similarity(fingerprint, other.fingerprint());
            if (headlines >= SAME_STORY || texts >= SAME_TEXT) {
                return true;
            }
            Duration apart = Duration.between(article.publishedAt(), other.article().publishedAt()).abs();
            return apart.compareTo(REWRITE_WINDOW) <= 0 && headlines >= REWRITE_HEADLINE && texts >= REWRITE_TEXT;
        }
    }

    /** Headline bigrams, with 露 read as ロ: outlets abbreviate ロシア either way. */
    private static Set<String> headlineGrams(Analyzer bigrams, String headline) {
        return new HashSet<>(JapaneseAnalysis.terms(bigrams, headline.replace('露', 'ロ')));
    }

    private static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / Math.min(a.size(), b.size());
    }

    private static List<String> shared(List<String> mine, List<String> theirs) {
        Set<String> other = new HashSet<>(theirs);
        return mine.stream().filter(other::contains).toList();
    }

    private record Ranked(IndexedArticle article, String fingerprint, float score) {
    }
}
