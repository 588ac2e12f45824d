import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The snippets of search results, cut by two builds in one JVM, rounds taken in turn over the
 * same livedoor articles: for each article, a word of its headline is the query (as a search
 * that finds the article by its headline), and {@code Snippets.cut} cuts the snippet from the
 * article's body with that query's terms, as a search result is made. Both builds must give the
 * same snippets (checked, and the run fails if not). Run by bench/snippet-speed.sh:
 *
 *   java -cp LIBRARIES SnippetSpeed.java BEFORE_CLASSES AFTER_CLASSES CORPUS ARTICLES ROUNDS
 *
 * CPU time of this thread, not the clock (see bench/FoldSpeed.java for why, on a shared machine).
 */
public class SnippetSpeed {

    private static final Pattern WORD = Pattern.compile("[\\u4e00-\\u9fff]{2,}|[\\u30a0-\\u30ff]{3,}");

    record Search(String body, String query) {
    }

    record Build(Method cut, Method terms, Object analyzer) {
        Object snippet(String body, String query) throws Exception {
            @SuppressWarnings("unchecked")
            Set<String> queryTerms = new LinkedHashSet<>((List<String>) terms.invoke(null, analyzer, query));
            return cut.invoke(null, body, queryTerms);
        }
    }

    public static void main(String[] args) throws Exception {
        List<Search> searches = read(Path.of(args[2]), Integer.parseInt(args[3]));
        int rounds = Integer.parseInt(args[4]);
        long characters = searches.stream().mapToLong(search -> search.body().length()).sum();
        System.out.printf("%d searches, %d characters of body%n", searches.size(), characters);
        Build before = build(args[0]);
        Build after = build(args[1]);
        int differing = 0;
        for (Search search : searches) {
            if (!before.snippet(search.body(), search.query()).toString()
                    .equals(after.snippet(search.body(), search.query()).toString())) {
                differing++;
            }
        }
        System.out.printf("snippets that differ between the builds: %d of %d%n", differing, searches.size());
        if (differing > 0) {
            System.exit(1);
        }
        double[] cpuBefore = new double[rounds];
        double[] cpuAfter = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            cpuBefore[round] = time(before, searches);
            cpuAfter[round] = time(after, searches);
            System.out.printf("round %d: CPU before %.3f s, after %.3f s, after/before %.3f%n", round, cpuBefore[round],
                    cpuAfter[round], cpuAfter[round] / cpuBefore[round]);
        }
        double b = median(cpuBefore);
        double a = median(cpuAfter);
        System.out.printf("median CPU per snippet: before %.3f ms, after %.3f ms; after/before %.3f%n",
                b * 1000 / searches.size(), a * 1000 / searches.size(), a / b);
    }

    private static Build build(String classes) throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[] {Path.of(classes).toUri().toURL()},
                SnippetSpeed.class.getClassLoader());
        Class<?> analysis = loader.loadClass("jp.kawaraban.text.JapaneseAnalysis");
        Class<?> analyzer = loader.loadClass("org.apache.lucene.analysis.Analyzer");
        return new Build(loader.loadClass("jp.kawaraban.search.internal.Snippets").getMethod("cut", String.class, Set.class),
                analysis.getMethod("terms", analyzer, String.class), analysis.getMethod("words").invoke(null));
    }

    private static double time(Build build, List<Search> searches) throws Exception {
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (Search search : searches) {
            build.snippet(search.body(), search.query());
        }
        return (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Every n-th article of the corpus; its query a word of its headline, chosen with a fixed seed. */
    private static List<Search> read(Path corpus, int limit) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(path -> path.toString().endsWith(".txt") && path.getFileName().toString().contains("-"))
                    .sorted().toList();
        }
        Random random = new Random(19);
        List<Search> searches = new ArrayList<>();
        int step = Math.max(1, files.size() / limit);
        for (int i = 0; i < files.size() && searches.size() < limit; i += step) {
            List<String> lines = Files.readAllLines(files.get(i), StandardCharsets.UTF_8);
            if (lines.size() <= 3) {
                continue;
            }
            List<String> words = new ArrayList<>();
            Matcher matcher = WORD.matcher(lines.get(2));
            while (matcher.find()) {
                words.add(matcher.group());
            }
            if (!words.isEmpty()) {
                searches.add(new Search(String.join("\n", lines.subList(3, lines.size())),
                        words.get(random.nextInt(words.size()))));
            }
        }
        return searches;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
