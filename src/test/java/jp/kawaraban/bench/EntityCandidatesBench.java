package jp.kawaraban.bench;

import java.io.IOException;
import java.util.List;

import jp.kawaraban.text.DateExpressions;
import jp.kawaraban.text.EntityCandidates;
import jp.kawaraban.text.EntityRecognizer;
import jp.kawaraban.text.Keywords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the entity model costs where entity candidates are proposed (the editors' desk,
 * {@code EditorsDesk.propose}): {@code EntityCandidates.propose} with the rules alone against
 * the rules and the model, over the same livedoor articles in the same JVM, rounds alternated;
 * and, for scale, the text work indexing does per article (keywords and dates; indexing does
 * not propose candidates). Run by {@code bench/entity-candidates.sh}; not part of the suite.
 */
@EnabledIfSystemProperty(named = "kawaraban.bench", matches = "true")
class EntityCandidatesBench {

    @Test
    void proposalsWithAndWithoutTheModel() throws IOException {
        LivedoorCorpus corpus = LivedoorCorpus.read(LivedoorCorpus.location());
        int sample = Integer.getInteger("kawaraban.bench.sample", 500);
        var items = corpus.items().subList(0, Math.min(sample, corpus.items().size()));
        List<String> texts = items.stream().map(item -> item.title() + "\n" + item.body()).toList();
        long characters = texts.stream().mapToLong(String::length).sum();
        EntityRecognizer model = EntityRecognizer.bundled();
        System.out.printf("%d articles, %d characters; the model has %d observations%n", texts.size(), characters,
                model.size());
        long[] rules = new long[3];
        long[] both = new long[3];
        long[] indexing = new long[3];
        int proposedRules = 0;
        int proposedBoth = 0;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (var item : items) {
                Keywords.extract(item.title(), item.body(), 8);
                DateExpressions.find(item.body(), item.date().toLocalDate());
            }
            indexing[round] = System.nanoTime() - start;
            start = System.nanoTime();
            int n = 0;
            for (String text : texts) {
                n += EntityCandidates.propose(text, null, null).size();
            }
            rules[round] = System.nanoTime() - start;
            proposedRules = n;
            start = System.nanoTime();
            n = 0;
            for (String text : texts) {
                n += EntityCandidates.propose(text, null, model).size();
            }
            both[round] = System.nanoTime() - start;
            proposedBoth = n;
            System.out.printf("round %d: keywords+dates %.2f s, candidates by rules %.2f s, rules+model %.2f s "
                    + "(ratio %.2f)%n", round, indexing[round] / 1e9, rules[round] / 1e9, both[round] / 1e9,
                    (double) both[round] / rules[round]);
        }
        // the first round warms the JIT up; the best of the other two is reported
        long bestRules = Math.min(rules[1], rules[2]);
        long bestBoth = Math.min(both[1], both[2]);
        long bestIndexing = Math.min(indexing[1], indexing[2]);
        System.out.printf("per article: keywords+dates %.1f ms, candidates by rules %.1f ms, rules+model %.1f ms; "
                + "rules+model / rules = %.2f; candidates proposed %d (rules) and %d (rules+model)%n",
                bestIndexing / 1e6 / texts.size(), bestRules / 1e6 / texts.size(), bestBoth / 1e6 / texts.size(),
                (double) bestBoth / bestRules, proposedRules, proposedBoth);
    }
}
