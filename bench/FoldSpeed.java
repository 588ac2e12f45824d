import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The words analyzer of two builds in one JVM, rounds taken in turn over the same livedoor
 * articles, so that the ratio of their speeds is measured on the same load; and the heap that
 * UniDic adds (decision 0047). Run by bench/fold-speed.sh:
 *
 *   java -cp LIBRARIES FoldSpeed.java BEFORE_CLASSES AFTER_CLASSES CORPUS ARTICLES ROUNDS
 *
 * LIBRARIES holds the jars (Lucene, Kuromoji, UniDic), shared by both builds; each build's own
 * classes are loaded by a class loader of their own.
 */
public class FoldSpeed {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[2]);
        int articles = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        List<String> texts = read(corpus, articles);
        long characters = texts.stream().mapToLong(String::length).sum();
        System.out.printf("%d articles, %d characters%n", texts.size(), characters);

        long base = usedAfterGc();
        Object before = words(args[0]);
        count(before, texts.subList(0, Math.min(50, texts.size())));
        long withBefore = usedAfterGc();
        Object after = words(args[1]);
        long loading = System.nanoTime();
        boolean table = loadDictionary(args[1]);
        if (table) {
            System.out.printf("the after build's dictionary (KatakanaFolding.loadDictionary) loaded in %d ms%n",
                    (System.nanoTime() - loading) / 1_000_000);
        }
        count(after, texts.subList(0, Math.min(50, texts.size()))); // loads UniDic, if not loaded yet
        long withAfter = usedAfterGc();
        System.out.printf("heap after GC: %d MiB at start, %d MiB with the build before, %d MiB with both (+%d MiB)%n",
                base >> 20, withBefore >> 20, withAfter >> 20, (withAfter - withBefore) >> 20);

        double[] secondsBefore = new double[rounds];
        double[] secondsAfter = new double[rounds];
        count(before, texts); // a warm-up round each
        count(after, texts);
        for (int round = 0; round < rounds; round++) {
            secondsBefore[round] = time(before, texts);
            double wallBefore = lastWall;
            secondsAfter[round] = time(after, texts);
            double wallAfter = lastWall;
            System.out.printf("round %d: CPU before %.2f s (%.0f chars/s), after %.2f s (%.0f chars/s), after/before %.3f;"
                            + " clock %.2f s and %.2f s, %.3f%n",
                    round, secondsBefore[round], characters / secondsBefore[round], secondsAfter[round],
                    characters / secondsAfter[round], secondsAfter[round] / secondsBefore[round], wallBefore, wallAfter,
                    wallAfter / wallBefore);
        }
        double b = median(secondsBefore);
        double a = median(secondsAfter);
        System.out.printf("median of CPU times: before %.0f chars/s, after %.0f chars/s; the words field takes %.3f times"
                + " as much CPU%n", characters / b, characters / a, a / b);
    }

    /** The build loaded by the last call of {@link #words}. */
    private static ClassLoader lastBuild;

    /** Calls KatakanaFolding.loadDictionary() of the last build loaded, if it has one (decisions 0047, 0050). */
    private static boolean loadDictionary(String classes) throws Exception {
        try {
            lastBuild.loadClass("jp.kawaraban.text.KatakanaFolding").getMethod("loadDictionary").invoke(null);
            return true;
        } catch (NoSuchMethodException none) {
            return false;
        }
    }

    private static Object words(String classes) throws Exception {
        ClassLoader build = new URLClassLoader(new URL[] {Path.of(classes).toUri().toURL()}, FoldSpeed.class.getClassLoader());
        lastBuild = build;
        return build.loadClass("jp.kawaraban.text.JapaneseAnalysis").getMethod("words").invoke(null);
    }

    /**
     * Seconds of this thread's CPU time, not of the clock: on a machine that other work loads (the
     * figures of decision 0050 were taken at load 7 to 10 on two cores) the clock's ratio swings
     * from 0.8 to 1.5 between rounds, while the CPU time the analysis itself takes hardly moves.
     * The clock's seconds are printed too ({@link #lastWall}).
     */
    private static double time(Object analyzer, List<String> texts) throws Exception {
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        count(analyzer, texts);
        lastWall = (System.nanoTime() - start) / 1e9;
        return (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The clock's seconds of the last {@link #time} call. */
    private static double lastWall;

    private static long count(Object analyzer, List<String> texts) throws Exception {
        var lucene = (org.apache.lucene.analysis.Analyzer) analyzer;
        long tokens = 0;
        for (String text : texts) {
            try (var stream = lucene.tokenStream("f", text)) {
                stream.reset();
                while (stream.incrementToken()) {
                    tokens++;
                }
                stream.end();
            }
        }
        return tokens;
    }

    private static List<String> read(Path corpus, int limit) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(path -> path.toString().endsWith(".txt") && path.getFileName().toString().contains("-"))
                    .sorted().toList();
        }
        List<String> texts = new ArrayList<>();
        // every n-th file, so that all nine sections are in
        int step = Math.max(1, files.size() / limit);
        for (int i = 0; i < files.size() && texts.size() < limit; i += step) {
            List<String> lines = Files.readAllLines(files.get(i), StandardCharsets.UTF_8);
            if (lines.size() > 3) {
                texts.add(String.join("\n", lines.subList(2, lines.size())));
            }
        }
        return texts;
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
