package jp.kawaraban.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.kawaraban.command.TrainEntitiesCommand;
import jp.kawaraban.text.EntityRecognizer;
import jp.kawaraban.text.NameKind;
import jp.kawaraban.text.RecognizedName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * bench/entities.sh's cross-validation in one JVM, for trying a change to the entity model
 * quickly: the annotated sentences, read as {@code train-entities} reads them
 * ({@link TrainEntitiesCommand#examples}), cut into the same folds (sentence i in part i mod FOLDS),
 * {@link EntityRecognizer#train} on the other parts and {@link EntityRecognizer#find} on the
 * held-out one, scored as the script scores the jar's {@code analyse} lines (exact spans and
 * kinds; the three organisation types are one kind). The jar's figure is the one reported;
 * this one equals it when the classes are the same (decision 0054). Not part of the suite:
 * {@code bench/entity-folds.sh} runs it; {@code -Dkawaraban.bench.errors=FILE} writes each
 * sentence's misses and wrong proposals for reading.
 */
@EnabledIfSystemProperty(named = "kawaraban.bench", matches = "true")
class EntityFoldsBench {

    private static final List<NameKind> MAIN = List.of(NameKind.PERSON, NameKind.ORGANIZATION, NameKind.PLACE);

    @Test
    void crossValidation() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("kawaraban.corpus.ner", "/work/shared/corpora/ner-wikipedia/train.json"));
        int folds = Integer.getInteger("kawaraban.bench.folds", 5);
        String only = System.getProperty("kawaraban.bench.only", "");
        int epochs = Integer.getInteger("kawaraban.bench.epochs", TrainEntitiesCommand.EPOCHS);
        int threads = Integer.getInteger("kawaraban.bench.threads", 2);
        List<EntityRecognizer.Example> examples = TrainEntitiesCommand.examples(JsonMapper.builder().build().readTree(Files.readString(corpus)));
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<List<RecognizedName>>>> answers = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            if (!only.isEmpty() && !Set.of(only.split(",")).contains(String.valueOf(k))) {
                continue;
            }
            int fold = k;
            run.add(fold);
            answers.add(pool.submit(() -> {
                List<EntityRecognizer.Example> train = new ArrayList<>();
                List<EntityRecognizer.Example> held = new ArrayList<>();
                for (int i = 0; i < examples.size(); i++) {
                    (i % folds == fold ? held : train).add(examples.get(i));
                }
                long t0 = System.nanoTime();
                EntityRecognizer model = EntityRecognizer.train(train, epochs);
                long t1 = System.nanoTime();
                List<List<RecognizedName>> found = new ArrayList<>();
                for (EntityRecognizer.Example example : held) {
                    found.add(model.find(example.text()));
                }
                System.out.printf("fold %d: trained in %.1f s (%d observations), %d sentences read in %.1f s%n", fold,
                        (t1 - t0) / 1e9, model.size(), held.size(), (System.nanoTime() - t1) / 1e9);
                return found;
            }));
        }
        Map<String, int[]> counts = new LinkedHashMap<>(); // kind -> tp, fp, fn
        for (NameKind kind : NameKind.values()) {
            counts.put(kind.name(), new int[3]);
        }
        Map<String, Map<String, Integer>> errors = new TreeMap<>();
        PrintWriter dump = System.getProperty("kawaraban.bench.errors") == null ? null
                : new PrintWriter(Files.newBufferedWriter(Path.of(System.getProperty("kawaraban.bench.errors")),
                        StandardCharsets.UTF_8));
        int[] mainCounts = new int[3];
        PrintWriter predictions = System.getProperty("kawaraban.bench.predictions") == null ? null
                : new PrintWriter(Files.newBufferedWriter(Path.of(System.getProperty("kawaraban.bench.predictions")),
                        StandardCharsets.UTF_8));
        for (int r = 0; r < run.size(); r++) {
            int fold = run.get(r);
            List<List<RecognizedName>> found = answers.get(r).get();
            int h = 0;
            for (int i = 0; i < examples.size(); i++) {
                if (i % folds != fold) {
                    continue;
                }
                EntityRecognizer.Example example = examples.get(i);
                List<RecognizedName> predicted = found.get(h++);
                if (predictions != null) {
                    StringBuilder p = new StringBuilder().append(i);
                    for (RecognizedName q : predicted) {
                        p.append('\t').append(q.start()).append(':').append(q.end()).append(':').append(q.kind());
                    }
                    predictions.println(p);
                }
                Set<String> gold = new HashSet<>();
                Set<String> guess = new HashSet<>();
                for (RecognizedName name : example.names()) {
                    gold.add(name.start() + ":" + name.end() + ":" + name.kind());
                }
                for (RecognizedName name : predicted) {
                    guess.add(name.start() + ":" + name.end() + ":" + name.kind());
                }
                for (String g : guess) {
                    NameKind kind = NameKind.valueOf(g.split(":")[2]);
                    counts.get(kind.name())[gold.contains(g) ? 0 : 1]++;
                    if (MAIN.contains(kind)) {
                        mainCounts[gold.contains(g) ? 0 : 1]++;
                    }
                }
                for (String g : gold) {
                    if (!guess.contains(g)) {
                        NameKind kind = NameKind.valueOf(g.split(":")[2]);
                        counts.get(kind.name())[2]++;
                        if (MAIN.contains(kind)) {
                            mainCounts[2]++;
                        }
                    }
                }
                StringBuilder line = new StringBuilder();
                for (RecognizedName e : example.names()) {
                    if (!MAIN.contains(e.kind()) || guess.contains(e.start() + ":" + e.end() + ":" + e.kind())) {
                        continue;
                    }
                    String what = "missed";
                    String by = "";
                    for (RecognizedName q : predicted) {
                        if (q.start() == e.start() && q.end() == e.end()) {
                            what = "wrong kind";
                            by = q.kind().name();
                            break;
                        }
                    }
                    if (what.equals("missed")) {
                        boolean sameKind = false;
                        boolean over = false;
                        for (RecognizedName q : predicted) {
                            if (q.start() < e.end() && e.start() < q.end()) {
                                over = true;
                                sameKind |= q.kind() == e.kind();
                                by += q.surface() + "/" + q.kind().name().charAt(0) + " ";
                            }
                        }
                        what = sameKind ? "wrong boundary" : over ? "wrong boundary and kind" : "missed";
                    }
                    errors.computeIfAbsent(what, x -> new TreeMap<>()).merge(e.kind().name(), 1, Integer::sum);
                    line.append("  ").append(what).append(": ").append(e.surface()).append('/').append(e.kind().name().charAt(0))
                            .append(by.isEmpty() ? "" : " got " + by.strip()).append('\n');
                }
                for (RecognizedName q : predicted) {
                    if (!MAIN.contains(q.kind()) || gold.contains(q.start() + ":" + q.end() + ":" + q.kind())) {
                        continue;
                    }
                    boolean over = false;
                    for (RecognizedName e : example.names()) {
                        over |= e.start() < q.end() && q.start() < e.end();
                    }
                    if (!over) {
                        errors.computeIfAbsent("spurious", x -> new TreeMap<>()).merge(q.kind().name(), 1, Integer::sum);
                        line.append("  spurious: ").append(q.surface()).append('/').append(q.kind().name().charAt(0)).append('\n');
                    }
                }
                if (dump != null && !line.isEmpty()) {
                    dump.println(fold + "\t" + example.text());
                    StringBuilder goldLine = new StringBuilder("  gold:");
                    for (RecognizedName e : example.names()) {
                        goldLine.append(' ').append(e.surface()).append('/').append(e.kind().name().charAt(0));
                    }
                    dump.println(goldLine);
                    dump.print(line);
                }
            }
        }
        pool.shutdown();
        if (predictions != null) {
            predictions.close();
        }
        if (dump != null) {
            dump.close();
        }
        System.out.printf("%-28s%6s%7s%7s%7s%n", "kind", "gold", "P", "R", "F1");
        counts.forEach((kind, c) -> System.out.printf("%-28s%6d%7.3f%7.3f%7.3f%n", kind, c[0] + c[2], p(c), r(c), f(c)));
        System.out.printf("%-28s%6d%7.3f%7.3f%7.4f%n", "people+orgs+places (exact)", mainCounts[0] + mainCounts[2],
                p(mainCounts), r(mainCounts), f(mainCounts));
        errors.forEach((what, byKind) -> System.out.printf("%-28s%s%n", what, byKind));
        System.out.printf("folds %s in %.0f s%n", run, (System.nanoTime() - started) / 1e9);
    }

    private static double p(int[] c) {
        return c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
    }

    private static double r(int[] c) {
        return c[0] + c[2] == 0 ? 0 : c[0] / (double) (c[0] + c[2]);
    }

    private static double f(int[] c) {
        double p = p(c);
        double r = r(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
